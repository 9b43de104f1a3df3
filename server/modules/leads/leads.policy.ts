import type { LeadDto } from "../../../shared/contracts/leads";
import { errors } from "../../../shared/errors";
import { type Actor, can } from "../../auth/actor";
import type { LeadRow } from "../../db/schema";

/** What the actor may do to a lead they can see (visibility itself is the repository's job). */
export function leadAbilities(actor: Actor, lead?: Pick<LeadRow, "status">): LeadDto["abilities"] {
  const write = can(actor, "leads.write") && actor.pipelineScope !== "none";
  return {
    update: write,
    delete: write && can(actor, "leads.delete"),
    convert: write && can(actor, "clients.write") && lead?.status !== "converted",
  };
}

/** Throws 403 unless the ability holds. */
export function assertLeadAbility(actor: Actor, ability: keyof LeadDto["abilities"], lead?: Pick<LeadRow, "status">): void {
  if (!leadAbilities(actor, lead)[ability]) throw errors.forbidden();
}

/**
 * Actors who see only their own leads may only own what they create or edit: handing a lead to
 * someone else would hide it from them, so it is refused with a field error instead.
 */
export function assertOwnReach(actor: Actor, ownerId: string | null | undefined, path: string): void {
  if (actor.pipelineScope === "own" && ownerId !== undefined && ownerId !== actor.id) {
    throw errors.validation([{ path, message: "You can only own leads yourself; ask a manager to reassign it" }]);
  }
}
