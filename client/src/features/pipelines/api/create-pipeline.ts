import type { CreatePipelineBody, PipelineDto } from "@shared/contracts/pipelines";
import { apiFetch } from "@/lib/api-client";
import { usePipelineMutation } from "./use-pipeline-mutation";

/** POST /api/pipelines. */
export async function createPipeline(body: CreatePipelineBody): Promise<PipelineDto> {
  return (await apiFetch<{ data: PipelineDto }>("/api/pipelines", { method: "POST", body })).data;
}

export const useCreatePipeline = () => usePipelineMutation(createPipeline);
