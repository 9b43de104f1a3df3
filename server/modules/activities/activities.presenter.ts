import type { ActivityDto } from "../../../shared/contracts/activities";
import type { ActivityWithActor } from "./activities.repository";

/** Row → DTO, field by field. */
export function presentActivity(a: ActivityWithActor, names: Map<string, string>): ActivityDto {
  return {
    id: a.id,
    entityType: a.entityType,
    entityId: a.entityId,
    kind: a.kind,
    body: a.body,
    mentions: a.mentionIds.map((id) => ({ id, name: names.get(id) ?? "" })),
    meta: a.meta ?? null,
    actor: a.actorId ? { id: a.actorId, name: a.actorName ?? names.get(a.actorId) ?? "" } : null,
    occurredAt: a.occurredAt.toISOString(),
    createdAt: a.createdAt.toISOString(),
  };
}
