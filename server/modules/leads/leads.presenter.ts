import type { LeadDto } from "../../../shared/contracts/leads";
import type { Actor } from "../../auth/actor";
import type { LeadRow } from "../../db/schema";
import { leadAbilities } from "./leads.policy";
import type { LeadDetails } from "./leads.repository";

/** Row (+ owner and converted-client names) → DTO, field by field. */
export function presentLead(actor: Actor, l: LeadRow, details: LeadDetails): LeadDto {
  return {
    id: l.id,
    name: l.name,
    company: l.company,
    email: l.email,
    phone: l.phone,
    country: l.country,
    source: l.source,
    sourceDetail: l.sourceDetail,
    status: l.status,
    score: l.score,
    owner: l.ownerId ? { id: l.ownerId, name: details.owners.get(l.ownerId) ?? "" } : null,
    tags: l.tags,
    notes: l.notes,
    customFields: l.customFields ?? {},
    consent: l.consent ?? null,
    conversion: l.convertedAt
      ? {
          convertedAt: l.convertedAt.toISOString(),
          client: l.convertedClientId ? { id: l.convertedClientId, name: details.clients.get(l.convertedClientId) ?? "" } : null,
          contactId: l.convertedContactId,
          dealId: l.convertedDealId,
        }
      : null,
    lastActivityAt: l.lastActivityAt.toISOString(),
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    abilities: leadAbilities(actor, l),
  };
}
