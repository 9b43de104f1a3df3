import type { PipelineListResponse } from "@shared/contracts/pipelines";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { pipelinesKeys } from "./pipelines-keys";

/** GET /api/pipelines (with stages in order). */
export function getPipelines(signal?: AbortSignal): Promise<PipelineListResponse> {
  return apiFetch<PipelineListResponse>("/api/pipelines", { signal });
}

export const pipelinesQueryOptions = () => queryOptions({ queryKey: pipelinesKeys.list(), queryFn: ({ signal }) => getPipelines(signal), staleTime: 30_000 });

/**
 * Refetches the pipelines whenever the caller mounts: their deal counts change with every deal
 * created, moved or deleted, which does not invalidate this query.
 */
export function useFreshPipelineCounts() {
  return useQuery({ ...pipelinesQueryOptions(), refetchOnMount: "always", throwOnError: false });
}

/** The workspace's pipelines (the server creates the default one on first use). */
export function usePipelines() {
  return useQuery({ ...pipelinesQueryOptions(), throwOnError: false });
}
