import { randomBytes } from "node:crypto";
import type { Db } from "../../server/db/client";
import type { DealRow } from "../../server/db/schema";
import { endOfColumn, insertDeal, openStay } from "../../server/modules/deals/deals.repository";
import { insertPipeline, insertStages } from "../../server/modules/pipelines/pipelines.repository";
import { ensureDefaultPipeline } from "../../server/modules/pipelines/pipelines.service";
import { buildClient } from "./index";

const unique = () => randomBytes(4).toString("hex");

/**
 * A new open deal in the workspace's default pipeline (first stage unless given), on a new client
 * unless given one or a lead, with its first stage stay. Written straight to the tables.
 */
export async function buildDeal(db: Db, overrides: Partial<DealRow> & { workspaceId: string }): Promise<DealRow> {
  const { pipeline, stages } = await ensureDefaultPipeline(db, overrides.workspaceId);
  const stageId = overrides.stageId ?? stages[0]!.id;
  const clientId = overrides.clientId !== undefined || overrides.leadId ? (overrides.clientId ?? null) : (await buildClient(db, { workspaceId: overrides.workspaceId })).id;
  const deal = await insertDeal(db, {
    title: `Deal ${unique()}`,
    currency: "USD",
    valueMinor: 100_00,
    position: await endOfColumn(db, overrides.workspaceId, stageId),
    ...overrides,
    pipelineId: overrides.pipelineId ?? pipeline.id,
    stageId,
    clientId,
  });
  await openStay(db, { workspaceId: deal.workspaceId, dealId: deal.id, stageId, actorId: null });
  return deal;
}

/** A new pipeline of a workspace with stages (two unless given), written straight to the tables. */
export async function buildPipeline(db: Db, workspaceId: string, stageNames: string[] = ["First", "Second"]): Promise<{ id: string; workspaceId: string; stageIds: string[] }> {
  const pipeline = await insertPipeline(db, { workspaceId, name: `Pipeline ${unique()}`, position: 1 });
  const stages = await insertStages(
    db,
    stageNames.map((name, i) => ({ workspaceId, pipelineId: pipeline.id, name, position: i, probability: (i + 1) * 10 })),
  );
  return { id: pipeline.id, workspaceId, stageIds: stages.sort((a, b) => a.position - b.position).map((s) => s.id) };
}
