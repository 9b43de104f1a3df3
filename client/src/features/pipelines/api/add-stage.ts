import type { CreateStageBody, PipelineDto } from "@shared/contracts/pipelines";
import { apiFetch } from "@/lib/api-client";
import { usePipelineMutation } from "./use-pipeline-mutation";

/** POST /api/pipelines/:id/stages. */
export async function addStage({ pipelineId, body }: { pipelineId: string; body: CreateStageBody }): Promise<PipelineDto> {
  return (await apiFetch<{ data: PipelineDto }>(`/api/pipelines/${encodeURIComponent(pipelineId)}/stages`, { method: "POST", body })).data;
}

export const useAddStage = () => usePipelineMutation(addStage);
