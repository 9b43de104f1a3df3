import type { DealDto } from "../../../shared/contracts/deals";
import type { CURRENCIES } from "../../../shared/contracts/workspace";
import type { Actor } from "../../auth/actor";
import type { DealRow } from "../../db/schema";
import { dealAbilities } from "./deals.policy";
import type { DealDetails } from "./deals.repository";

const DAY_MS = 86_400_000;

/** Open, and untouched for longer than its pipeline's rotting days (same rule as the list's SQL filter). */
export function isRotting(d: Pick<DealRow, "status" | "lastActivityAt">, rottingDays: number | null | undefined, now = Date.now()): boolean {
  return d.status === "open" && rottingDays !== null && rottingDays !== undefined && d.lastActivityAt.getTime() < now - rottingDays * DAY_MS;
}

/** Row (+ names of what it points at) → DTO, field by field. */
export function presentDeal(actor: Actor, d: DealRow, details: DealDetails, now = Date.now()): DealDto {
  const pipeline = details.pipelines.get(d.pipelineId);
  const stage = details.stages.get(d.stageId);
  const ref = (m: Map<string, { id: string; name: string }>, id: string | null) => (id ? { id, name: m.get(id)?.name ?? "" } : null);
  const until = d.status === "open" || !d.closedAt ? now : d.closedAt.getTime();
  return {
    id: d.id,
    title: d.title,
    pipeline: { id: d.pipelineId, name: pipeline?.name ?? "" },
    stage: { id: d.stageId, name: stage?.name ?? "", probability: stage?.probability ?? 0 },
    client: ref(details.clients, d.clientId),
    lead: ref(details.leads, d.leadId),
    contact: ref(details.contacts, d.contactId),
    valueMinor: d.valueMinor,
    currency: d.currency as (typeof CURRENCIES)[number],
    expectedCloseDate: d.expectedCloseDate,
    owner: ref(details.owners, d.ownerId),
    status: d.status,
    lostReason: d.lostReason,
    closedAt: d.closedAt?.toISOString() ?? null,
    position: d.position,
    stageEnteredAt: d.stageEnteredAt.toISOString(),
    timeInStageSeconds: Math.max(0, Math.floor((until - d.stageEnteredAt.getTime()) / 1000)),
    lastActivityAt: d.lastActivityAt.toISOString(),
    rotting: isRotting(d, pipeline?.rottingDays, now),
    tags: d.tags,
    customFields: d.customFields ?? {},
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    abilities: dealAbilities(actor),
  };
}
