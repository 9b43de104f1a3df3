import type { Permission } from "../../../shared/constants/roles";
import type { SavedViewEntity } from "../../../shared/contracts/saved-views";
import { errors } from "../../../shared/errors";
import { type Actor, can } from "../../auth/actor";
import type { SavedViewRow } from "../../db/schema";

/** The permission that reads the list a view belongs to (contacts hang off clients). */
export const VIEW_READ_PERMISSION: Record<SavedViewEntity, Permission> = {
  client: "clients.read",
  contact: "clients.read",
  lead: "leads.read",
  deal: "deals.read",
};

/** 403 unless the actor may read the list the view belongs to. */
export function assertCanUseViews(actor: Actor, entityType: SavedViewEntity): void {
  if (!can(actor, VIEW_READ_PERMISSION[entityType])) throw errors.forbidden("You cannot see this list.");
}

/** A personal view is its owner's alone; a shared one is edited by its owner or an admin or manager. */
export function canEditView(actor: Pick<Actor, "id" | "role">, view: Pick<SavedViewRow, "ownerId" | "visibility">): boolean {
  if (view.ownerId === actor.id) return true;
  return view.visibility === "shared" && (actor.role === "admin" || actor.role === "manager");
}

/** What the actor may do with a view (shipped in the DTO). */
export function savedViewAbilities(actor: Pick<Actor, "id" | "role">, view: Pick<SavedViewRow, "ownerId" | "visibility">) {
  const edit = canEditView(actor, view);
  return { update: edit, delete: edit };
}
