import type { PipelineDto } from "@shared/contracts/pipelines";
import { apiFetch } from "@/lib/api-client";
import { usePipelineMutation } from "./use-pipeline-mutation";

/** PUT /api/pipelines/:id/stages/order (every stage id once, in the new order). */
export async function reorderStages({ pipelineId, stageIds }: { pipelineId: string; stageIds: string[] }): Promise<PipelineDto> {
  return (await apiFetch<{ data: PipelineDto }>(`/api/pipelines/${encodeURIComponent(pipelineId)}/stages/order`, { method: "PUT", body: { stageIds } })).data;
}

export const useReorderStages = () => usePipelineMutation(reorderStages);
