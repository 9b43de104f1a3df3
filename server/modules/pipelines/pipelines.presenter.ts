import type { PipelineDto, StageDto } from "../../../shared/contracts/pipelines";
import { type Actor, can } from "../../auth/actor";
import type { PipelineRow, PipelineStageRow } from "../../db/schema";

/** Row → stage DTO. */
export function presentStage(s: PipelineStageRow): StageDto {
  return { id: s.id, name: s.name, position: s.position, probability: s.probability };
}

/** Row + its stages (in order) → DTO. */
export function presentPipeline(actor: Actor, p: PipelineRow, stages: PipelineStageRow[]): PipelineDto {
  return {
    id: p.id,
    name: p.name,
    position: p.position,
    rottingDays: p.rottingDays,
    stages: stages.map(presentStage),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    abilities: { manage: can(actor, "pipelines.manage") },
  };
}
