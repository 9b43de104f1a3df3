import { and, asc, eq, ilike, type SQL } from "drizzle-orm";
import type { ListClientsQuery } from "../../../shared/contracts/clients";
import type { Db } from "../../db/client";
import { type ClientRow, clients } from "../../db/schema";
import { decodeKeysetCursor, keysetAfter } from "../../lib/pagination";

/** One client of a workspace. */
export async function findClient(db: Db, workspaceId: string, id: string): Promise<ClientRow | undefined> {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, id)))
    .limit(1);
  return row;
}

/** A name-ordered keyset page of a workspace's clients (limit + 1 rows). */
export async function listClients(db: Db, workspaceId: string, q: ListClientsQuery): Promise<ClientRow[]> {
  const conds: SQL[] = [eq(clients.workspaceId, workspaceId)];
  if (q.q) conds.push(ilike(clients.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.cursor) {
    const [name, id] = decodeKeysetCursor(q.cursor);
    conds.push(keysetAfter(clients.name, clients.id, "asc", [name, id]));
  }
  return db
    .select()
    .from(clients)
    .where(and(...conds))
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(q.limit + 1);
}

/** Inserts a client. */
export async function insertClient(db: Db, row: typeof clients.$inferInsert): Promise<ClientRow> {
  const [created] = await db.insert(clients).values(row).returning();
  return created!;
}
