import type { ClientDto } from "../../../shared/contracts/clients";
import { errors } from "../../../shared/errors";
import { type Actor, can } from "../../auth/actor";
import { clientVisibility } from "./clients.visibility";

/**
 * What the actor may do to a client they can see (visibility itself is the repository's job).
 * Creators are read-only whatever their grants say.
 */
export function clientAbilities(actor: Actor): ClientDto["abilities"] {
  const write = can(actor, "clients.write") && clientVisibility(actor) !== "assigned" && clientVisibility(actor) !== "none";
  return {
    update: write,
    delete: write && can(actor, "clients.delete"),
    manageAssignees: write,
    managePortal: write,
  };
}

/** Throws 403 unless the ability holds. */
export function assertClientAbility(actor: Actor, ability: keyof ClientDto["abilities"]): void {
  if (!clientAbilities(actor)[ability]) throw errors.forbidden();
}
