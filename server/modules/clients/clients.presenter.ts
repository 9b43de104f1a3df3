import type { ClientDto, ClientSummaryDto } from "../../../shared/contracts/clients";
import type { Actor } from "../../auth/actor";
import { type ClientRow, DEFAULT_PORTAL_SETTINGS } from "../../db/schema";
import type { CURRENCIES } from "../../../shared/contracts/workspace";
import { clientAbilities } from "./clients.policy";
import type { ClientDetails } from "./clients.repository";

/** Row → summary DTO. */
export function presentClientSummary(c: ClientRow): ClientSummaryDto {
  return { id: c.id, name: c.name, status: c.status, createdAt: c.createdAt.toISOString() };
}

/** Row (+ owner, assignees, contact count) → DTO, field by field. */
export function presentClient(actor: Actor, c: ClientRow, details: ClientDetails): ClientDto {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    industry: c.industry,
    website: c.website,
    phone: c.phone,
    address: c.address ?? {},
    owner: c.ownerId ? { id: c.ownerId, name: details.owners.get(c.ownerId) ?? "" } : null,
    assignees: details.assignees.get(c.id) ?? [],
    tags: c.tags,
    notes: c.notes,
    retainer:
      c.retainerAmountMinor !== null && c.retainerCurrency
        ? { amountMinor: c.retainerAmountMinor, currency: c.retainerCurrency as (typeof CURRENCIES)[number] }
        : null,
    portalSettings: { ...DEFAULT_PORTAL_SETTINGS, ...c.portalSettings },
    contactCount: details.contactCounts.get(c.id) ?? 0,
    customFields: c.customFields ?? {},
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    abilities: clientAbilities(actor),
  };
}
