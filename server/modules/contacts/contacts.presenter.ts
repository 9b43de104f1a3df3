import type { ContactDto } from "../../../shared/contracts/contacts";
import { type Actor, can } from "../../auth/actor";
import { clientAbilities } from "../clients/clients.policy";
import type { ContactWithClient } from "./contacts.repository";

/** What the actor may do to a contact they can see: follows their rights on its client. */
export function contactAbilities(actor: Actor, c: Pick<ContactWithClient, "email" | "userId" | "userStatus">): ContactDto["abilities"] {
  const client = clientAbilities(actor);
  const invite = client.update && can(actor, "users.invite");
  return {
    update: client.update,
    delete: client.update,
    inviteToPortal: invite && !!c.email && !c.userId,
    resendPortalInvite: invite && !!c.userId && c.userStatus === "invited",
  };
}

/** Row → DTO, field by field. */
export function presentContact(actor: Actor, c: ContactWithClient): ContactDto {
  return {
    id: c.id,
    clientId: c.clientId,
    clientName: c.clientName,
    firstName: c.firstName,
    lastName: c.lastName,
    name: [c.firstName, c.lastName].filter(Boolean).join(" "),
    email: c.email,
    phone: c.phone,
    title: c.title,
    isPrimary: c.isPrimary,
    portalAccess: c.userId ? (c.userStatus ?? "none") : "none",
    customFields: c.customFields ?? {},
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    abilities: contactAbilities(actor, c),
  };
}
