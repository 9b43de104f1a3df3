import { and, desc, eq, ilike, lt, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type EmailOutboxRow, emailOutbox } from "../../db/schema";
import { decodeIdCursor } from "../../lib/pagination";

export type NewOutboxEmail = typeof emailOutbox.$inferInsert;

/** Inserts an outgoing email row and returns its id. */
export async function insertOutboxEmail(db: Db, row: NewOutboxEmail): Promise<string> {
  const [created] = await db.insert(emailOutbox).values(row).returning({ id: emailOutbox.id });
  return created!.id;
}

/** One outbox row by id (jobs run outside any workspace scope). */
export async function findOutboxEmail(db: Db, id: string): Promise<EmailOutboxRow | undefined> {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return row;
}

/** Records the delivery outcome of an outbox row. */
export async function markOutboxEmail(
  db: Db,
  id: string,
  patch: Pick<Partial<EmailOutboxRow>, "status" | "providerMessageId" | "error" | "sentAt">,
): Promise<void> {
  await db.update(emailOutbox).set(patch).where(eq(emailOutbox.id, id));
}

/** Newest-first outbox rows of one workspace; limit + 1 rows. */
export async function listOutbox(db: Db, workspaceId: string, q: { to?: string; cursor?: string; limit: number }) {
  const conds: SQL[] = [eq(emailOutbox.workspaceId, workspaceId)];
  if (q.to) conds.push(ilike(emailOutbox.toAddress, `%${q.to.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.cursor) conds.push(lt(emailOutbox.id, decodeIdCursor(q.cursor)));
  return db
    .select()
    .from(emailOutbox)
    .where(and(...conds))
    .orderBy(desc(emailOutbox.id))
    .limit(q.limit + 1);
}
