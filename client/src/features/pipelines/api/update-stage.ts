import type { PipelineDto, UpdateStageBody } from "@shared/contracts/pipelines";
import { apiFetch } from "@/lib/api-client";
import { usePipelineMutation } from "./use-pipeline-mutation";

/** PATCH /api/pipelines/:id/stages/:stageId (name, probability). */
export async function updateStage({ pipelineId, stageId, body }: { pipelineId: string; stageId: string; body: UpdateStageBody }): Promise<PipelineDto> {
  const path = `/api/pipelines/${encodeURIComponent(pipelineId)}/stages/${encodeURIComponent(stageId)}`;
  return (await apiFetch<{ data: PipelineDto }>(path, { method: "PATCH", body })).data;
}

export const useUpdateStage = () => usePipelineMutation(updateStage);
