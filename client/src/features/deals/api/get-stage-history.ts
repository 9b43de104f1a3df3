import type { StageHistoryResponse } from "@shared/contracts/deals";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { dealsKeys } from "./deals-keys";

/** GET /api/deals/:id/stage-history. */
export function getStageHistory(id: string, signal?: AbortSignal): Promise<StageHistoryResponse> {
  return apiFetch<StageHistoryResponse>(`/api/deals/${encodeURIComponent(id)}/stage-history`, { signal });
}

/** A deal's stays in each stage, oldest first. */
export function useStageHistory(id: string) {
  return useQuery({ queryKey: dealsKeys.history(id), queryFn: ({ signal }) => getStageHistory(id, signal), throwOnError: false });
}
