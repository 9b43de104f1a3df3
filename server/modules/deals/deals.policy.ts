import type { DealDto } from "../../../shared/contracts/deals";
import { errors } from "../../../shared/errors";
import { type Actor, can } from "../../auth/actor";

/** What the actor may do to a deal they can see (visibility itself is the repository's job). */
export function dealAbilities(actor: Actor): DealDto["abilities"] {
  const reach = actor.pipelineScope !== "none";
  return { update: reach && can(actor, "deals.write"), delete: reach && can(actor, "deals.delete") };
}

/** Throws 403 unless the ability holds. */
export function assertDealAbility(actor: Actor, ability: keyof DealDto["abilities"]): void {
  if (!dealAbilities(actor)[ability]) throw errors.forbidden();
}
