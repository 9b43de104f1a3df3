import type { ImportListResponse } from "@shared/contracts/imports";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { type ImportsListParams, importsKeys } from "./imports-keys";

/** GET /api/imports (one page). */
export function getImports(params: ImportsListParams & { cursor?: string }, signal?: AbortSignal): Promise<ImportListResponse> {
  return apiFetch<ImportListResponse>("/api/imports", { query: params, signal });
}

export const importsInfiniteQueryOptions = (params: ImportsListParams) =>
  infiniteQueryOptions({
    queryKey: importsKeys.infinite(params),
    queryFn: ({ pageParam, signal }) => getImports({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
    // Running imports move: refresh the history while any of them is in flight.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.data.some((i) => i.status === "queued" || i.status === "running")) ? 2000 : false),
  });

/** Import history with "Load more". */
export function useInfiniteImports(params: ImportsListParams) {
  return useInfiniteQuery(importsInfiniteQueryOptions(params));
}
