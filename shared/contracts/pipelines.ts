import { z } from "zod";
import { NAME_MAX } from "../constants/limits";

export const STAGES_MAX = 30;
export const BOARD_COLUMN_DEFAULT = 20;
export const BOARD_COLUMN_MAX = 100;

/** The stages every workspace's default pipeline starts with. */
export const DEFAULT_STAGES = [
  { name: "Lead in", probability: 10 },
  { name: "Qualified", probability: 25 },
  { name: "Proposal", probability: 50 },
  { name: "Negotiation", probability: 75 },
  { name: "Closing", probability: 90 },
] as const;

const stageName = z.string().trim().min(1, "Enter the stage's name").max(80);
const probability = z.number().int("Use a whole number").min(0, "Use 0–100").max(100, "Use 0–100").describe("Win probability, 0–100 (%)");
const rottingDays = z
  .number()
  .int("Use a whole number of days")
  .min(1, "Use at least 1 day")
  .max(365, "Use at most 365 days")
  .nullable()
  .describe("Open deals with no activity for this many days are flagged as rotting (null: never)");

export const StageDto = z
  .object({ id: z.uuid(), name: z.string(), position: z.number().int(), probability: z.number().int() })
  .meta({ id: "StageDto" });
export type StageDto = z.infer<typeof StageDto>;

const dealCount = z
  .number()
  .int()
  .optional()
  .describe("Deals (any status) it holds; only an empty one can be deleted. Sent by the pipeline endpoints, not on the board");

export const PipelineStageDto = StageDto.extend({ dealCount }).meta({ id: "PipelineStageDto" });
export type PipelineStageDto = z.infer<typeof PipelineStageDto>;

export const PipelineDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    rottingDays: z.number().int().nullable(),
    stages: z.array(PipelineStageDto).describe("Stages in order"),
    dealCount,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    abilities: z.object({ manage: z.boolean() }),
  })
  .meta({ id: "PipelineDto" });
export type PipelineDto = z.infer<typeof PipelineDto>;

export const PipelineListResponse = z.object({ data: z.array(PipelineDto) }).meta({ id: "PipelineListResponse" });
export type PipelineListResponse = z.infer<typeof PipelineListResponse>;
export const PipelineResponse = z.object({ data: PipelineDto }).meta({ id: "PipelineResponse" });
export type PipelineResponse = z.infer<typeof PipelineResponse>;

export const StageInput = z.strictObject({ name: stageName, probability }).meta({ id: "StageInput" });
export type StageInput = z.infer<typeof StageInput>;

export const CreatePipelineBody = z
  .strictObject({
    name: z.string().trim().min(1, "Enter the pipeline's name").max(NAME_MAX),
    rottingDays: rottingDays.optional(),
    stages: z.array(StageInput).min(1, "Add at least one stage").max(STAGES_MAX).optional().describe("Initial stages in order (default: the standard five)"),
  })
  .meta({ id: "CreatePipelineBody" });
export type CreatePipelineBody = z.infer<typeof CreatePipelineBody>;

export const UpdatePipelineBody = z
  .strictObject({ name: z.string().trim().min(1, "Enter the pipeline's name").max(NAME_MAX), rottingDays })
  .partial()
  .meta({ id: "UpdatePipelineBody" });
export type UpdatePipelineBody = z.infer<typeof UpdatePipelineBody>;

export const StageParams = z.strictObject({ id: z.uuid().describe("Pipeline id"), stageId: z.uuid().describe("Stage id") }).meta({ id: "StageParams" });

export const CreateStageBody = z
  .strictObject({ name: stageName, probability, index: z.number().int().min(0).optional().describe("0-based place among the stages (default: last)") })
  .meta({ id: "CreateStageBody" });
export type CreateStageBody = z.infer<typeof CreateStageBody>;

export const UpdateStageBody = z.strictObject({ name: stageName, probability }).partial().meta({ id: "UpdateStageBody" });
export type UpdateStageBody = z.infer<typeof UpdateStageBody>;

export const ReorderStagesBody = z
  .strictObject({ stageIds: z.array(z.uuid()).min(1).max(STAGES_MAX).describe("Every stage id of the pipeline, in the new order") })
  .meta({ id: "ReorderStagesBody" });
export type ReorderStagesBody = z.infer<typeof ReorderStagesBody>;
