import type { ForecastResponse } from "@shared/contracts/deals";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { dealsKeys } from "./deals-keys";

/** GET /api/deals/forecast. */
export function getForecast(pipelineId: string | undefined, signal?: AbortSignal): Promise<ForecastResponse> {
  return apiFetch<ForecastResponse>("/api/deals/forecast", { query: { pipelineId }, signal });
}

/** Open deals' value and weighted value by expected close month. */
export function useForecast(pipelineId: string | undefined) {
  return useQuery({ queryKey: dealsKeys.forecast(pipelineId), queryFn: ({ signal }) => getForecast(pipelineId, signal), throwOnError: false });
}
