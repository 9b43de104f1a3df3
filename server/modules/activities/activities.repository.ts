import { and, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import type { ListActivitiesQuery } from "../../../shared/contracts/activities";
import type { Db } from "../../db/client";
import { type ActivityRow, activities, leads, users } from "../../db/schema";
import { decodeIdCursor } from "../../lib/pagination";

export type ActivityWithActor = ActivityRow & { actorName: string | null };

/** Inserts a timeline entry. */
export async function insertActivity(db: Db, row: typeof activities.$inferInsert): Promise<ActivityRow> {
  const [created] = await db.insert(activities).values(row).returning();
  return created!;
}

/** A newest-first keyset page (limit + 1 rows) of one record's timeline. The caller has checked the record is visible. */
export async function listEntityActivities(db: Db, workspaceId: string, q: ListActivitiesQuery): Promise<ActivityWithActor[]> {
  const own = and(eq(activities.entityType, q.entityType), eq(activities.entityId, q.entityId))!;
  // A client's timeline also carries the history of the leads converted into it.
  const target =
    q.entityType === "client"
      ? or(
          own,
          and(
            eq(activities.entityType, "lead"),
            inArray(activities.entityId, db.select({ id: leads.id }).from(leads).where(and(eq(leads.workspaceId, workspaceId), eq(leads.convertedClientId, q.entityId)))),
          ),
        )!
      : own;
  const conds: SQL[] = [eq(activities.workspaceId, workspaceId), target];
  if (q.kind) conds.push(eq(activities.kind, q.kind));
  if (q.cursor) conds.push(lt(activities.id, decodeIdCursor(q.cursor)));
  const rows = await db
    .select({ activity: activities, actorName: users.name })
    .from(activities)
    .leftJoin(users, and(eq(users.id, activities.actorId), eq(users.workspaceId, activities.workspaceId)))
    .where(and(...conds))
    .orderBy(desc(activities.id))
    .limit(q.limit + 1);
  return rows.map((r) => ({ ...r.activity, actorName: r.actorName }));
}

/** Names of workspace users by id (for mentions). */
export async function userNames(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Deletes the timeline of some records (when the records go). */
export async function deleteEntityActivities(db: Db, workspaceId: string, entityType: ActivityRow["entityType"], entityIds: string[]): Promise<void> {
  if (!entityIds.length) return;
  await db.delete(activities).where(and(eq(activities.workspaceId, workspaceId), eq(activities.entityType, entityType), inArray(activities.entityId, entityIds)));
}
