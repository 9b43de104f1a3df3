import type { UserDto } from "../../../shared/contracts/users";
import { assignableRoles, type Role } from "../../../shared/constants/roles";
import { errors } from "../../../shared/errors";
import { type Actor, can } from "../../auth/actor";
import type { UserRow } from "../../db/schema";

type Target = Pick<UserRow, "id" | "role" | "status">;

/** Only admins act on admins. */
function outranks(actor: Actor, target: Target): boolean {
  return actor.role === "admin" || target.role !== "admin";
}

/** What the actor may do to this user; shipped to the UI on every UserDto. */
export function userAbilities(actor: Actor, target: Target): UserDto["abilities"] {
  const self = actor.id === target.id;
  const manage = (perm: "users.update" | "users.deactivate" | "users.invite") => can(actor, perm) && outranks(actor, target);
  return {
    update: manage("users.update"),
    changeRole: manage("users.update") && !self,
    deactivate: manage("users.deactivate") && !self && target.status !== "deactivated",
    reactivate: manage("users.deactivate") && !self && target.status === "deactivated",
    resendInvite: manage("users.invite") && target.status === "invited",
  };
}

/** Throws 403 unless the actor may give someone this role. */
export function assertCanAssignRole(actor: Actor, role: Role): void {
  if (!assignableRoles(actor.role).includes(role)) throw errors.forbidden(`You cannot assign the ${role} role.`);
}

/** Throws 403 unless the ability holds. */
export function assertAbility(abilities: UserDto["abilities"], ability: keyof UserDto["abilities"], message?: string): void {
  if (!abilities[ability]) throw errors.forbidden(message);
}
