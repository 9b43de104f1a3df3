import type { AUTOMATIC_KINDS } from "../../../shared/contracts/activities";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { and, eq, inArray } from "drizzle-orm";
import { type ActivityRow, users } from "../../db/schema";
import { insertActivity } from "./activities.repository";

/** Writes an automatic timeline entry (created, status/owner change, update) in the caller's transaction. */
export async function recordTimeline(
  db: Db,
  actor: Pick<Actor, "id" | "workspaceId">,
  entity: { type: ActivityRow["entityType"]; id: string },
  kind: (typeof AUTOMATIC_KINDS)[number],
  meta: Record<string, unknown> | null = null,
): Promise<void> {
  await insertActivity(db, { workspaceId: actor.workspaceId, entityType: entity.type, entityId: entity.id, kind, meta, actorId: actor.id });
}

/**
 * Writes an "owner_changed" entry naming both owners ({ id, name } or null), so the timeline reads
 * "from Sam to Sasha" even after either leaves. Used by every record type's edit and bulk paths.
 */
export async function recordOwnerChange(
  db: Db,
  actor: Pick<Actor, "id" | "workspaceId">,
  entity: { type: ActivityRow["entityType"]; id: string },
  from: string | null,
  to: string | null,
): Promise<void> {
  const ids = [from, to].filter((x): x is string => !!x);
  const rows = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, actor.workspaceId), inArray(users.id, ids))) : [];
  const names = new Map(rows.map((u) => [u.id, u.name]));
  const ref = (uid: string | null) => (uid ? { id: uid, name: names.get(uid) ?? "" } : null);
  await recordTimeline(db, actor, entity, "owner_changed", { from: ref(from), to: ref(to) });
}
