import { useQuery } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/lib/api-client";
import { leadsKeys } from "./leads-keys";

/** What the conversion dialog needs of a pipeline (GET /api/pipelines returns more). */
export interface PipelineOption {
  id: string;
  name: string;
  stages: { id: string; name: string }[];
}

/** GET /api/pipelines; null when this server has no pipelines endpoint (404) or the user may not read them (403). */
export async function getPipelineOptions(signal?: AbortSignal): Promise<PipelineOption[] | null> {
  try {
    const res = await apiFetch<{ data: PipelineOption[] }>("/api/pipelines", { signal });
    return res.data;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

/** Pipelines and their stages for the deal part of a conversion (null: let the server choose). */
export function usePipelineOptions(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...leadsKeys.all, "convert", "pipelines"] as const,
    queryFn: ({ signal }) => getPipelineOptions(signal),
    enabled: options.enabled ?? true,
    staleTime: 60_000,
    retry: false,
    throwOnError: false,
  });
}
