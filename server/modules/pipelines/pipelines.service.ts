import { and, eq } from "drizzle-orm";
import {
  type CreatePipelineBody,
  type CreateStageBody,
  DEFAULT_STAGES,
  type PipelineDto,
  type ReorderStagesBody,
  type StageInput,
  type UpdatePipelineBody,
  type UpdateStageBody,
} from "../../../shared/contracts/pipelines";
import { AppError, errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { type PipelineRow, type PipelineStageRow, pipelineStages } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { CacheKeys } from "../../lib/cache";
import { recordAudit } from "../audit/audit.service";
import { type PipelineSnapshot, pipelineSnapshot, presentPipeline } from "./pipelines.presenter";
import {
  countDeals,
  countDealsByStage,
  deletePipeline,
  deleteStage,
  findPipeline,
  findStage,
  insertPipeline,
  insertStages,
  listPipelineRows,
  listStageRows,
  lockWorkspacePipelines,
  nextPipelinePosition,
  updatePipeline,
  updateStage,
} from "./pipelines.repository";

/** A pipeline with its stages. */
export interface PipelineWithStages {
  pipeline: PipelineRow;
  stages: PipelineStageRow[];
}

/** Names compare trimmed and case-insensitively: "Proposal" and "proposal " are the same stage to a person. */
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * 409 already_exists on body.name when another pipeline of the workspace already has this name (two
 * identical entries in the pipeline picker). The unique index pipelines_workspace_name_uq is the
 * guarantee; this check only names the taken name in the message.
 */
async function assertPipelineNameFree(db: Db, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  const taken = (await listPipelineRows(db, workspaceId)).some((p) => p.id !== exceptId && sameName(p.name, name));
  if (taken) throw errors.taken("body.name", `There is already a pipeline called “${name.trim()}”`);
}

/**
 * 409 already_exists on body.name when another stage of the pipeline already has this name (the board
 * would show two identical columns); guaranteed by pipeline_stages_pipeline_name_uq.
 */
function assertStageNameFree(stages: readonly PipelineStageRow[], name: string, exceptId?: string): void {
  if (stages.some((s) => s.id !== exceptId && sameName(s.name, name))) {
    throw errors.taken("body.name", `This pipeline already has a stage called “${name.trim()}”`);
  }
}

/** Inserts a pipeline with stages in order. */
async function createPipelineRows(db: Db, workspaceId: string, name: string, stages: readonly StageInput[], rottingDays?: number | null): Promise<PipelineWithStages> {
  const pipeline = await insertPipeline(db, { workspaceId, name, position: await nextPipelinePosition(db, workspaceId), ...(rottingDays !== undefined ? { rottingDays } : {}) });
  const rows = await insertStages(
    db,
    stages.map((s, i) => ({ workspaceId, pipelineId: pipeline.id, name: s.name, probability: s.probability, position: i })),
  );
  return { pipeline, stages: rows.sort((a, b) => a.position - b.position) };
}

/**
 * Makes sure a workspace has a pipeline: when it has none, creates "Sales pipeline" with the standard
 * stages (Lead in 10%, Qualified 25%, Proposal 50%, Negotiation 75%, Closing 90%). Returns the
 * workspace's first pipeline. Call it inside a transaction (workspace creation, the demo seed): it
 * takes a per-workspace lock there, so two concurrent callers create one pipeline, not two.
 */
export async function ensureDefaultPipeline(db: Db, workspaceId: string): Promise<PipelineWithStages> {
  await lockWorkspacePipelines(db, workspaceId);
  const [first] = await listPipelineRows(db, workspaceId);
  if (first) return { pipeline: first, stages: await listStageRows(db, workspaceId, [first.id]) };
  return createPipelineRows(db, workspaceId, "Sales pipeline", DEFAULT_STAGES);
}

/** The workspace's pipelines with their stages (creating the default pipeline when there is none). */
export async function loadPipelines(app: AppContext, workspaceId: string): Promise<PipelineWithStages[]> {
  const db = app.database.db;
  let rows = await listPipelineRows(db, workspaceId);
  if (!rows.length) {
    await withTransaction(app.database.pool, (tx) => ensureDefaultPipeline(tx.db, workspaceId));
    rows = await listPipelineRows(db, workspaceId);
  }
  const stages = await listStageRows(db, workspaceId, rows.map((r) => r.id));
  return rows.map((pipeline) => ({ pipeline, stages: stages.filter((s) => s.pipelineId === pipeline.id) }));
}

/** Lists pipelines with their stages and deal counts. */
export async function listPipelines(app: AppContext, actor: Actor): Promise<{ data: PipelineDto[] }> {
  const loaded = await loadPipelines(app, actor.workspaceId);
  const counts = await countDealsByStage(app.database.db, actor.workspaceId, loaded.map((p) => p.pipeline.id));
  return { data: loaded.map((p) => presentPipeline(actor, p.pipeline, p.stages, counts)) };
}

/** A pipeline of the workspace with its stages, or 404. */
export async function loadPipeline(db: Db, workspaceId: string, id: string, lock = false): Promise<PipelineWithStages> {
  const pipeline = await findPipeline(db, workspaceId, id, lock);
  if (!pipeline) throw errors.notFound("Pipeline");
  return { pipeline, stages: await listStageRows(db, workspaceId, [id]) };
}

/**
 * A pipeline with its stages read through the cache (the board asks on every request); 404 when
 * missing. Every pipeline and stage edit below drops the entry once its transaction has committed.
 */
export async function loadCachedPipeline(app: AppContext, workspaceId: string, id: string): Promise<PipelineSnapshot> {
  const snapshot = await app.cache.getOrSet(CacheKeys.pipeline(workspaceId, id), async () => {
    const pipeline = await findPipeline(app.database.db, workspaceId, id);
    return pipeline ? pipelineSnapshot(pipeline, await listStageRows(app.database.db, workspaceId, [id])) : undefined;
  });
  if (!snapshot) throw errors.notFound("Pipeline");
  return snapshot;
}

/** Drops a pipeline's cached snapshot (after a committed edit). */
async function forgetPipeline(app: AppContext, workspaceId: string, id: string): Promise<void> {
  await app.cache.delete(CacheKeys.pipeline(workspaceId, id));
}

/** One pipeline as a DTO, with deal counts. */
export async function getPipeline(app: AppContext, actor: Actor, id: string, db: Db = app.database.db): Promise<PipelineDto> {
  const p = await loadPipeline(db, actor.workspaceId, id);
  return presentPipeline(actor, p.pipeline, p.stages, await countDealsByStage(db, actor.workspaceId, [id]));
}

/** Creates a pipeline with its initial stages (the standard five unless given). */
export async function createPipeline(app: AppContext, actor: Actor, body: CreatePipelineBody): Promise<PipelineDto> {
  const created = await withTransaction(app.database.pool, async (tx) => {
    await lockWorkspacePipelines(tx.db, actor.workspaceId);
    await assertPipelineNameFree(tx.db, actor.workspaceId, body.name);
    const stages = body.stages ?? DEFAULT_STAGES;
    const repeated = stages.findIndex((st, i) => stages.findIndex((o) => sameName(o.name, st.name)) !== i);
    if (repeated >= 0) throw errors.validation([{ path: `body.stages.${repeated}.name`, message: `“${stages[repeated]!.name.trim()}” is already a stage of this pipeline` }]);
    const p = await createPipelineRows(tx.db, actor.workspaceId, body.name, stages, body.rottingDays);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "pipeline.created", entityType: "pipeline", entityId: p.pipeline.id, changes: { name: body.name, stages: p.stages.map((s) => s.name) } });
    return p;
  });
  // A new pipeline holds no deals yet.
  return presentPipeline(actor, created.pipeline, created.stages, new Map());
}

/** Renames a pipeline or changes its rotting days. */
export async function editPipeline(app: AppContext, actor: Actor, id: string, body: UpdatePipelineBody): Promise<PipelineDto> {
  const dto = await withTransaction(app.database.pool, async (tx) => {
    await lockWorkspacePipelines(tx.db, actor.workspaceId);
    const { pipeline } = await loadPipeline(tx.db, actor.workspaceId, id, true);
    if (body.name !== undefined) await assertPipelineNameFree(tx.db, actor.workspaceId, body.name, id);
    await updatePipeline(tx.db, actor.workspaceId, id, body);
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "pipeline.updated",
      entityType: "pipeline",
      entityId: id,
      changes: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, { from: pipeline[k as keyof typeof body], to: v }])),
    });
    return getPipeline(app, actor, id, tx.db);
  });
  await forgetPipeline(app, actor.workspaceId, id);
  return dto;
}

/** Deletes a pipeline; 409 while it holds deals. */
export async function removePipeline(app: AppContext, actor: Actor, id: string): Promise<void> {
  await withTransaction(app.database.pool, async (tx) => {
    const { pipeline } = await loadPipeline(tx.db, actor.workspaceId, id, true);
    const n = await countDeals(tx.db, actor.workspaceId, { pipelineId: id });
    if (n > 0) throw errors.conflict(`This pipeline still holds ${n} deal${n === 1 ? "" : "s"}. Move or delete them first.`, { reason: "pipeline_has_deals", dealCount: n });
    await deletePipeline(tx.db, actor.workspaceId, id);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "pipeline.deleted", entityType: "pipeline", entityId: id, changes: { name: pipeline.name } });
  });
  await forgetPipeline(app, actor.workspaceId, id);
}

/** Rewrites stage positions 0..n-1 in the given order. */
async function renumberStages(db: Db, workspaceId: string, pipelineId: string, orderedIds: string[]): Promise<void> {
  for (const [i, id] of orderedIds.entries()) {
    await db
      .update(pipelineStages)
      .set({ position: i, updatedAt: new Date() })
      .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.pipelineId, pipelineId), eq(pipelineStages.id, id)));
  }
}

/** Adds a stage (at `index`, default last). */
export async function addStage(app: AppContext, actor: Actor, pipelineId: string, body: CreateStageBody): Promise<PipelineDto> {
  const dto = await withTransaction(app.database.pool, async (tx) => {
    const { stages } = await loadPipeline(tx.db, actor.workspaceId, pipelineId, true);
    if (stages.length >= 30) throw errors.validation([{ path: "body", message: "A pipeline has at most 30 stages" }]);
    assertStageNameFree(stages, body.name);
    const index = Math.min(body.index ?? stages.length, stages.length);
    const [stage] = await insertStages(tx.db, [{ workspaceId: actor.workspaceId, pipelineId, name: body.name, probability: body.probability, position: index }]);
    const order = stages.map((s) => s.id);
    order.splice(index, 0, stage!.id);
    await renumberStages(tx.db, actor.workspaceId, pipelineId, order);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "pipeline.stage_added", entityType: "pipeline", entityId: pipelineId, changes: { stage: body } });
    return getPipeline(app, actor, pipelineId, tx.db);
  });
  await forgetPipeline(app, actor.workspaceId, pipelineId);
  return dto;
}

/** Renames a stage or changes its probability. */
export async function editStage(app: AppContext, actor: Actor, pipelineId: string, stageId: string, body: UpdateStageBody): Promise<PipelineDto> {
  const dto = await withTransaction(app.database.pool, async (tx) => {
    const { stages } = await loadPipeline(tx.db, actor.workspaceId, pipelineId, true);
    const stage = await findStage(tx.db, actor.workspaceId, pipelineId, stageId);
    if (!stage) throw errors.notFound("Stage");
    if (body.name !== undefined) assertStageNameFree(stages, body.name, stageId);
    await updateStage(tx.db, actor.workspaceId, stageId, body);
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "pipeline.stage_updated",
      entityType: "pipeline",
      entityId: pipelineId,
      changes: { stageId, ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, { from: stage[k as keyof typeof body], to: v }])) },
    });
    return getPipeline(app, actor, pipelineId, tx.db);
  });
  await forgetPipeline(app, actor.workspaceId, pipelineId);
  return dto;
}

/** Puts a pipeline's stages in a new order (the body lists every stage once). */
export async function reorderStages(app: AppContext, actor: Actor, pipelineId: string, body: ReorderStagesBody): Promise<PipelineDto> {
  const dto = await withTransaction(app.database.pool, async (tx) => {
    const { stages } = await loadPipeline(tx.db, actor.workspaceId, pipelineId, true);
    const current = new Set(stages.map((s) => s.id));
    const given = new Set(body.stageIds);
    if (given.size !== body.stageIds.length || given.size !== current.size || body.stageIds.some((id) => !current.has(id))) {
      throw errors.validation([{ path: "body.stageIds", message: "List every stage of this pipeline exactly once" }]);
    }
    await renumberStages(tx.db, actor.workspaceId, pipelineId, body.stageIds);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "pipeline.stages_reordered", entityType: "pipeline", entityId: pipelineId, changes: { from: stages.map((s) => s.id), to: body.stageIds } });
    return getPipeline(app, actor, pipelineId, tx.db);
  });
  await forgetPipeline(app, actor.workspaceId, pipelineId);
  return dto;
}

/** Deletes a stage; 409 while deals are in it or when it is the pipeline's last stage. */
export async function removeStage(app: AppContext, actor: Actor, pipelineId: string, stageId: string): Promise<PipelineDto> {
  const dto = await withTransaction(app.database.pool, async (tx) => {
    const { stages } = await loadPipeline(tx.db, actor.workspaceId, pipelineId, true);
    const stage = stages.find((s) => s.id === stageId);
    if (!stage) throw errors.notFound("Stage");
    if (stages.length === 1) throw errors.conflict("A pipeline needs at least one stage.", { reason: "last_stage" });
    const n = await countDeals(tx.db, actor.workspaceId, { stageId });
    if (n > 0) throw new AppError("stage_has_deals", `This stage still holds ${n} deal${n === 1 ? "" : "s"}. Move them first.`, { reason: "stage_has_deals", dealCount: n });
    await deleteStage(tx.db, actor.workspaceId, stageId);
    await renumberStages(tx.db, actor.workspaceId, pipelineId, stages.filter((s) => s.id !== stageId).map((s) => s.id));
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "pipeline.stage_deleted", entityType: "pipeline", entityId: pipelineId, changes: { stageId, name: stage.name } });
    return getPipeline(app, actor, pipelineId, tx.db);
  });
  await forgetPipeline(app, actor.workspaceId, pipelineId);
  return dto;
}

