import type { PipelineDto, StageDto } from "../../../shared/contracts/pipelines";
import { type Actor, can } from "../../auth/actor";
import type { PipelineRow, PipelineStageRow } from "../../db/schema";

/** Row → stage DTO. */
export function presentStage(s: PipelineStageRow): StageDto {
  return { id: s.id, name: s.name, position: s.position, probability: s.probability };
}

/** A pipeline as every viewer sees it (the DTO without abilities): plain JSON, so it can be cached. */
export type PipelineSnapshot = Omit<PipelineDto, "abilities">;

/** Row + its stages (in order) → snapshot. */
export function pipelineSnapshot(p: PipelineRow, stages: PipelineStageRow[]): PipelineSnapshot {
  return {
    id: p.id,
    name: p.name,
    position: p.position,
    rottingDays: p.rottingDays,
    stages: stages.map(presentStage),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Snapshot → DTO for this actor. */
export function presentPipelineSnapshot(actor: Actor, snapshot: PipelineSnapshot): PipelineDto {
  return { ...snapshot, abilities: { manage: can(actor, "pipelines.manage") } };
}

/** Row + its stages (in order) → DTO. */
export function presentPipeline(actor: Actor, p: PipelineRow, stages: PipelineStageRow[]): PipelineDto {
  return presentPipelineSnapshot(actor, pipelineSnapshot(p, stages));
}
