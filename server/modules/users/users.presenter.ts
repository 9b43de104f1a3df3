import type { UserDto } from "../../../shared/contracts/users";
import type { Actor } from "../../auth/actor";
import { userAbilities } from "./users.policy";
import type { UserWithClient } from "./users.repository";

/** Row → DTO, field by field: the password hash and internal columns never leave the server. */
export function presentUser(actor: Actor, u: UserWithClient): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    clientId: u.clientId,
    clientName: u.clientName,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    invitedAt: u.invitedAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    abilities: userAbilities(actor, u),
  };
}
