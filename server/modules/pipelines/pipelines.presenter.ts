import type { PipelineDto, StageDto } from "../../../shared/contracts/pipelines";
import { type Actor, can } from "../../auth/actor";
import type { PipelineRow, PipelineStageRow } from "../../db/schema";

/** Row → stage DTO. */
export function presentStage(s: PipelineStageRow): StageDto {
  return { id: s.id, name: s.name, position: s.position, probability: s.probability };
}

/** A pipeline as every viewer sees it (the DTO without abilities): plain JSON, so it can be cached. */
export type PipelineSnapshot = Omit<PipelineDto, "abilities">;

/**
 * Row + its stages (in order) → snapshot. With `dealCounts` (deals per stage id) the stages and the
 * pipeline carry `dealCount`, which the settings use to explain why a stage or pipeline can't be
 * deleted yet (the board's cached snapshot has none: counts change with every deal).
 */
export function pipelineSnapshot(p: PipelineRow, stages: PipelineStageRow[], dealCounts?: ReadonlyMap<string, number>): PipelineSnapshot {
  const countOf = (s: PipelineStageRow) => dealCounts?.get(s.id) ?? 0;
  return {
    id: p.id,
    name: p.name,
    position: p.position,
    rottingDays: p.rottingDays,
    stages: stages.map((s) => (dealCounts ? { ...presentStage(s), dealCount: countOf(s) } : presentStage(s))),
    ...(dealCounts ? { dealCount: stages.reduce((n, s) => n + countOf(s), 0) } : {}),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Snapshot → DTO for this actor. */
export function presentPipelineSnapshot(actor: Actor, snapshot: PipelineSnapshot): PipelineDto {
  return { ...snapshot, abilities: { manage: can(actor, "pipelines.manage") } };
}

/** Row + its stages (in order) → DTO, with deal counts when given. */
export function presentPipeline(actor: Actor, p: PipelineRow, stages: PipelineStageRow[], dealCounts?: ReadonlyMap<string, number>): PipelineDto {
  return presentPipelineSnapshot(actor, pipelineSnapshot(p, stages, dealCounts));
}
