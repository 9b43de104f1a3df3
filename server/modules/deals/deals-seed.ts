import type { Db } from "../../db/client";
import type { DealRow } from "../../db/schema";
import { recordTimeline } from "../activities/timeline";
import { listStageRows } from "../pipelines/pipelines.repository";
import { ensureDefaultPipeline } from "../pipelines/pipelines.service";
import { endOfColumn, insertDeal, openStay } from "./deals.repository";

/** What the demo seed (or a fixture) needs to place one deal. */
export interface SeedDealInput {
  workspaceId: string;
  title: string;
  clientId?: string | null;
  leadId?: string | null;
  contactId?: string | null;
  ownerId?: string | null;
  valueMinor?: number;
  currency?: string;
  expectedCloseDate?: string | null;
  /** 0-based stage of the pipeline (default 0). */
  stageIndex?: number;
  /** Default: the workspace's first pipeline (created with the standard stages when there is none). */
  pipelineId?: string;
  status?: DealRow["status"];
  lostReason?: string | null;
  tags?: string[];
  /** Who the "created" timeline entry and the stage stay name (default: the owner). */
  actorId?: string | null;
}

/**
 * Writes one deal for seeding, with no permission checks: at the end of its stage column, with its
 * first stage stay and a "created" timeline entry. Call it inside the seed's transaction; use
 * `createDealInTx` for anything a user does.
 */
export async function seedDeal(db: Db, input: SeedDealInput): Promise<DealRow> {
  const { pipeline, stages } = await ensureDefaultPipeline(db, input.workspaceId);
  const pipelineId = input.pipelineId ?? pipeline.id;
  const resolved = pipelineId === pipeline.id ? stages : await listStageRows(db, input.workspaceId, [pipelineId]);
  const stage = resolved[Math.min(input.stageIndex ?? 0, resolved.length - 1)];
  if (!stage) throw new Error(`pipeline ${pipelineId} has no stages`);
  const status = input.status ?? "open";
  const deal = await insertDeal(db, {
    workspaceId: input.workspaceId,
    pipelineId,
    stageId: stage.id,
    title: input.title,
    clientId: input.clientId ?? null,
    leadId: input.leadId ?? null,
    contactId: input.contactId ?? null,
    ownerId: input.ownerId ?? null,
    valueMinor: input.valueMinor ?? 0,
    currency: input.currency ?? "USD",
    expectedCloseDate: input.expectedCloseDate ?? null,
    status,
    lostReason: status === "lost" ? (input.lostReason ?? null) : null,
    closedAt: status === "open" ? null : new Date(),
    tags: input.tags ?? [],
    position: await endOfColumn(db, input.workspaceId, stage.id),
  });
  const actorId = input.actorId ?? input.ownerId ?? null;
  await openStay(db, { workspaceId: input.workspaceId, dealId: deal.id, stageId: stage.id, actorId });
  if (actorId) await recordTimeline(db, { id: actorId, workspaceId: input.workspaceId }, { type: "deal", id: deal.id }, "created");
  return deal;
}
