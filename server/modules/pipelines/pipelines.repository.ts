import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dealStageHistory, deals, type PipelineRow, type PipelineStageRow, pipelineStages, pipelines } from "../../db/schema";

/** A workspace's pipelines in order. */
export async function listPipelineRows(db: Db, workspaceId: string): Promise<PipelineRow[]> {
  return db.select().from(pipelines).where(eq(pipelines.workspaceId, workspaceId)).orderBy(asc(pipelines.position), asc(pipelines.id));
}

/** Stages of some pipelines of a workspace, in order. */
export async function listStageRows(db: Db, workspaceId: string, pipelineIds: string[]): Promise<PipelineStageRow[]> {
  if (!pipelineIds.length) return [];
  return db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), inArray(pipelineStages.pipelineId, pipelineIds)))
    .orderBy(asc(pipelineStages.pipelineId), asc(pipelineStages.position), asc(pipelineStages.id));
}

/** One pipeline of a workspace. */
export async function findPipeline(db: Db, workspaceId: string, id: string, lock = false): Promise<PipelineRow | undefined> {
  const q = db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

/** One stage of a workspace's pipeline. */
export async function findStage(db: Db, workspaceId: string, pipelineId: string, stageId: string): Promise<PipelineStageRow | undefined> {
  const [row] = await db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.pipelineId, pipelineId), eq(pipelineStages.id, stageId)))
    .limit(1);
  return row;
}

/** Inserts a pipeline. */
export async function insertPipeline(db: Db, row: typeof pipelines.$inferInsert): Promise<PipelineRow> {
  const [created] = await db.insert(pipelines).values(row).returning();
  return created!;
}

/** Inserts stages. */
export async function insertStages(db: Db, rows: (typeof pipelineStages.$inferInsert)[]): Promise<PipelineStageRow[]> {
  if (!rows.length) return [];
  return db.insert(pipelineStages).values(rows).returning();
}

/** Updates a pipeline. */
export async function updatePipeline(db: Db, workspaceId: string, id: string, patch: Partial<typeof pipelines.$inferInsert>): Promise<void> {
  await db
    .update(pipelines)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id)));
}

/** Updates a stage. */
export async function updateStage(db: Db, workspaceId: string, id: string, patch: Partial<typeof pipelineStages.$inferInsert>): Promise<void> {
  await db
    .update(pipelineStages)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.id, id)));
}

/** Deletes a pipeline (its stages cascade). */
export async function deletePipeline(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(pipelines).where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id)));
}

/** Deletes a stage; its past stays keep their name snapshot and lose the link. */
export async function deleteStage(db: Db, workspaceId: string, id: string): Promise<void> {
  // Past stays keep the stage's last name; their stage_id goes null with the delete.
  await db
    .update(dealStageHistory)
    .set({ stageName: sql`(select ${pipelineStages.name} from ${pipelineStages} where ${pipelineStages.id} = ${id})` })
    .where(and(eq(dealStageHistory.workspaceId, workspaceId), eq(dealStageHistory.stageId, id)));
  await db.delete(pipelineStages).where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.id, id)));
}

/** Number of deals (any status) in a pipeline, or in one of its stages. */
export async function countDeals(db: Db, workspaceId: string, where: { pipelineId: string } | { stageId: string }): Promise<number> {
  const cond = "pipelineId" in where ? eq(deals.pipelineId, where.pipelineId) : eq(deals.stageId, where.stageId);
  const [row] = await db
    .select({ n: count() })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), cond));
  return row?.n ?? 0;
}

/** Deals (any status) per stage of some pipelines, in one grouped query; empty stages are absent. */
export async function countDealsByStage(db: Db, workspaceId: string, pipelineIds: string[]): Promise<Map<string, number>> {
  if (!pipelineIds.length) return new Map();
  const rows = await db
    .select({ stageId: deals.stageId, n: count() })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), inArray(deals.pipelineId, pipelineIds)))
    .groupBy(deals.stageId);
  return new Map(rows.map((r) => [r.stageId, r.n]));
}

/** Serialises pipeline set-up of one workspace for the rest of the caller's transaction (no-op outside one). */
export async function lockWorkspacePipelines(db: Db, workspaceId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`pipelines:${workspaceId}`}))`);
}

/** Next free pipeline position of a workspace. */
export async function nextPipelinePosition(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ p: sql<number>`coalesce(max(${pipelines.position}) + 1, 0)::int` })
    .from(pipelines)
    .where(eq(pipelines.workspaceId, workspaceId));
  return row?.p ?? 0;
}
