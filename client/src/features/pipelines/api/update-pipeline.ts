import type { PipelineDto, UpdatePipelineBody } from "@shared/contracts/pipelines";
import { apiFetch } from "@/lib/api-client";
import { usePipelineMutation } from "./use-pipeline-mutation";

/** PATCH /api/pipelines/:id (name, rotting days). */
export async function updatePipeline({ id, body }: { id: string; body: UpdatePipelineBody }): Promise<PipelineDto> {
  return (await apiFetch<{ data: PipelineDto }>(`/api/pipelines/${encodeURIComponent(id)}`, { method: "PATCH", body })).data;
}

export const useUpdatePipeline = () => usePipelineMutation(updatePipeline);
