import type { AUTOMATIC_KINDS } from "../../../shared/contracts/activities";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import type { ActivityRow } from "../../db/schema";
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
