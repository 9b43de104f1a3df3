import { apiFetch } from "@/lib/api-client";
import { usePipelineMutation } from "./use-pipeline-mutation";

/** DELETE /api/pipelines/:id (409 while it holds deals). */
export async function deletePipeline(id: string): Promise<void> {
  await apiFetch<void>(`/api/pipelines/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export const useDeletePipeline = () => usePipelineMutation<string, void>(deletePipeline);
