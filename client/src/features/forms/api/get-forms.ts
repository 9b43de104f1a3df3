import type { LeadFormListResponse } from "@shared/contracts/forms";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { type FormsListParams, formsKeys } from "./forms-keys";

/** GET /api/forms (one page). */
export function getForms(params: FormsListParams & { cursor?: string }, signal?: AbortSignal): Promise<LeadFormListResponse> {
  return apiFetch<LeadFormListResponse>("/api/forms", { query: params, signal });
}

export const formsInfiniteQueryOptions = (params: FormsListParams) =>
  infiniteQueryOptions({
    queryKey: formsKeys.infinite(params),
    queryFn: ({ pageParam, signal }) => getForms({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** The form list with "Load more": searched by name, filtered by status, sorted. */
export function useInfiniteForms(params: FormsListParams) {
  return useInfiniteQuery(formsInfiniteQueryOptions(params));
}
