import type { PipelineDto } from "@shared/contracts/pipelines";
import { apiFetch } from "@/lib/api-client";
import { usePipelineMutation } from "./use-pipeline-mutation";

/** DELETE /api/pipelines/:id/stages/:stageId (409 while deals are in it). */
export async function deleteStage({ pipelineId, stageId }: { pipelineId: string; stageId: string }): Promise<PipelineDto> {
  const path = `/api/pipelines/${encodeURIComponent(pipelineId)}/stages/${encodeURIComponent(stageId)}`;
  return (await apiFetch<{ data: PipelineDto }>(path, { method: "DELETE" })).data;
}

export const useDeleteStage = () => usePipelineMutation(deleteStage);
