import type { DealListResponse } from "@shared/contracts/deals";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "@/lib/api-client";
import { type DealsListParams, dealsKeys } from "./deals-keys";

/** GET /api/deals (one page). */
export function getDeals(params: DealsListParams & { cursor?: string }, signal?: AbortSignal): Promise<DealListResponse> {
  return apiFetch<DealListResponse>("/api/deals", { query: params, signal });
}

export const dealsInfiniteQueryOptions = (params: DealsListParams) =>
  infiniteQueryOptions({
    queryKey: dealsKeys.infinite(params),
    queryFn: ({ pageParam, signal }) => getDeals({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** The deal list with "Load more". */
export function useInfiniteDeals(params: DealsListParams) {
  return useInfiniteQuery(dealsInfiniteQueryOptions(params));
}

/** GET /api/deals/export.csv with the same filters, as a download link. */
export function dealsExportHref(params: Omit<DealsListParams, "limit">): string {
  return withQuery("/api/deals/export.csv", params);
}
