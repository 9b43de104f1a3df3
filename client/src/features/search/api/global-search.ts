import type { GlobalSearchResponse } from "@shared/contracts/search";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { searchKeys } from "./search-keys";

/** GET /api/search?q=… (grouped by record type, each group inside its visibility rule). */
export function globalSearch(q: string, signal?: AbortSignal): Promise<GlobalSearchResponse> {
  return apiFetch<GlobalSearchResponse>("/api/search", { query: { q, limit: 5 }, signal });
}

export const globalSearchQueryOptions = (q: string) =>
  queryOptions({ queryKey: searchKeys.query(q), queryFn: ({ signal }) => globalSearch(q, signal), staleTime: 15_000 });

/** Search results for a (debounced) term; idle for an empty one, keeps the last results while typing. */
export function useGlobalSearch(q: string) {
  return useQuery({ ...globalSearchQueryOptions(q), enabled: q.trim().length > 0, placeholderData: keepPreviousData, throwOnError: false });
}
