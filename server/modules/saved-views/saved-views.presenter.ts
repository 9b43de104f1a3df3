import type { SavedViewDto } from "../../../shared/contracts/saved-views";
import type { Actor } from "../../auth/actor";
import { savedViewAbilities } from "./saved-views.policy";
import type { SavedViewWithOwner } from "./saved-views.repository";

/** Row → DTO, field by field. */
export function presentSavedView(actor: Pick<Actor, "id" | "role">, r: SavedViewWithOwner): SavedViewDto {
  return {
    id: r.id,
    entityType: r.entityType,
    name: r.name,
    visibility: r.visibility,
    query: r.query,
    columns: r.columns ?? null,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? "" } : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    abilities: savedViewAbilities(actor, r),
  };
}
