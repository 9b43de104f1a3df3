import { and, desc, eq, getTableColumns, like, type SQL, sql } from "drizzle-orm";
import type { ListAuditQuery } from "../../../shared/contracts/audit";
import type { Db } from "../../db/client";
import { activityLogs, users } from "../../db/schema";
import { preparedStatement } from "../../db/prepared";
import { decodeIdCursor } from "../../lib/pagination";

export type NewActivity = typeof activityLogs.$inferInsert;

/** Inserts one audit row (call inside the mutation's transaction). */
export async function insertActivity(db: Db, row: NewActivity): Promise<void> {
  await db.insert(activityLogs).values(row);
}

/** Newest-first audit rows of one workspace matching the filters, with the actor's name; limit + 1 rows. */
export async function listActivity(db: Db, workspaceId: string, q: ListAuditQuery) {
  const prefix = q.action?.endsWith(".");
  const flags = [q.actorId && "a", q.action && (prefix ? "p" : "x"), q.entityType && "t", q.entityId && "i", q.from && "f", q.to && "u", q.cursor && "c"];
  const shape = `audit_list_${flags.filter(Boolean).join("")}`;
  const stmt = preparedStatement(db, shape, (name) => {
    const p = sql.placeholder;
    const conds: SQL[] = [eq(activityLogs.workspaceId, p("workspaceId"))];
    if (q.actorId) conds.push(sql`${activityLogs.actorId} = ${p("actorId")}::uuid`);
    if (q.action) conds.push(prefix ? like(activityLogs.action, p("action")) : sql`${activityLogs.action} = ${p("action")}`);
    if (q.entityType) conds.push(sql`${activityLogs.entityType} = ${p("entityType")}`);
    if (q.entityId) conds.push(sql`${activityLogs.entityId} = ${p("entityId")}`);
    if (q.from) conds.push(sql`${activityLogs.createdAt} >= ${p("from")}::timestamptz`);
    if (q.to) conds.push(sql`${activityLogs.createdAt} < ${p("to")}::timestamptz`);
    if (q.cursor) conds.push(sql`${activityLogs.id} < ${p("before")}::uuid`);
    return db
      .select({ ...getTableColumns(activityLogs), actorName: users.name, actorEmail: users.email })
      .from(activityLogs)
      .leftJoin(users, eq(users.id, activityLogs.actorId))
      .where(and(...conds))
      .orderBy(desc(activityLogs.id))
      .limit(p("limit"))
      .prepare(name);
  });
  return stmt.execute({
    workspaceId,
    actorId: q.actorId,
    action: q.action && prefix ? `${escapeLike(q.action)}%` : q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    from: q.from,
    to: q.to,
    before: q.cursor ? decodeIdCursor(q.cursor) : undefined,
    limit: q.limit + 1,
  });
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
