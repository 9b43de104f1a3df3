import type { CompareDuplicatesResponse, DuplicateEntityType } from "@shared/contracts/duplicates";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { duplicatesKeys } from "./duplicates-keys";

/** GET /api/duplicates/compare (both records side by side). */
export function getComparison(entityType: DuplicateEntityType, ids: readonly [string, string], signal?: AbortSignal): Promise<CompareDuplicatesResponse> {
  return apiFetch<CompareDuplicatesResponse>("/api/duplicates/compare", { query: { entityType, ids: ids.join(",") }, signal });
}

export const comparisonQueryOptions = (entityType: DuplicateEntityType, ids: readonly [string, string]) =>
  queryOptions({ queryKey: duplicatesKeys.compare(entityType, ids), queryFn: ({ signal }) => getComparison(entityType, ids, signal), staleTime: 0 });

/** The side-by-side view of a pair (fetched when the dialog opens). */
export function useComparison(entityType: DuplicateEntityType, ids: readonly [string, string], enabled: boolean) {
  return useQuery({ ...comparisonQueryOptions(entityType, ids), enabled, throwOnError: false });
}
