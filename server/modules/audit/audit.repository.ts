import { and, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import type { ListAuditQuery } from "../../../shared/contracts/audit";
import type { Db } from "../../db/client";
import { activityLogs, users } from "../../db/schema";
import { decodeCursor } from "../../lib/pagination";

export type NewActivity = typeof activityLogs.$inferInsert;

/** Inserts one audit row (call inside the mutation's transaction). */
export async function insertActivity(db: Db, row: NewActivity): Promise<void> {
  await db.insert(activityLogs).values(row);
}

/** Newest-first audit rows of one workspace matching the filters, with the actor's name; limit + 1 rows. */
export async function listActivity(db: Db, workspaceId: string, q: ListAuditQuery) {
  const conds: SQL[] = [eq(activityLogs.workspaceId, workspaceId)];
  if (q.actorId) conds.push(eq(activityLogs.actorId, q.actorId));
  if (q.action) conds.push(q.action.endsWith(".") ? like(activityLogs.action, `${escapeLike(q.action)}%`) : eq(activityLogs.action, q.action));
  if (q.entityType) conds.push(eq(activityLogs.entityType, q.entityType));
  if (q.entityId) conds.push(eq(activityLogs.entityId, q.entityId));
  if (q.from) conds.push(gte(activityLogs.createdAt, new Date(q.from)));
  if (q.to) conds.push(lt(activityLogs.createdAt, new Date(q.to)));
  if (q.cursor) {
    const [id] = decodeCursor(q.cursor, 1);
    conds.push(lt(activityLogs.id, String(id)));
  }
  return db
    .select({
      log: activityLogs,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(activityLogs)
    .leftJoin(users, eq(users.id, activityLogs.actorId))
    .where(and(...conds))
    .orderBy(desc(activityLogs.id))
    .limit(q.limit + 1);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
