import type { LeadFormListResponse } from "@shared/contracts/forms";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { formsKeys } from "./forms-keys";

/** GET /api/forms (one page). */
export function getForms(params: { q?: string; cursor?: string }, signal?: AbortSignal): Promise<LeadFormListResponse> {
  return apiFetch<LeadFormListResponse>("/api/forms", { query: params, signal });
}

export const formsInfiniteQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: formsKeys.infinite(q),
    queryFn: ({ pageParam, signal }) => getForms({ q: q || undefined, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** The form list with "Load more", searched by name. */
export function useInfiniteForms(q: string) {
  return useInfiniteQuery(formsInfiniteQueryOptions(q));
}
