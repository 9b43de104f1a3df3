import type { DuplicateEntityType, DuplicateListResponse } from "@shared/contracts/duplicates";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { duplicatesKeys } from "./duplicates-keys";

/** GET /api/duplicates (one page of candidate pairs). */
export function getDuplicates(entityType: DuplicateEntityType, cursor: string | undefined, signal?: AbortSignal): Promise<DuplicateListResponse> {
  return apiFetch<DuplicateListResponse>("/api/duplicates", { query: { entityType, cursor, limit: 25 }, signal });
}

export const duplicatesInfiniteQueryOptions = (entityType: DuplicateEntityType) =>
  infiniteQueryOptions({
    queryKey: duplicatesKeys.list(entityType),
    queryFn: ({ pageParam, signal }) => getDuplicates(entityType, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** Candidate pairs of one record type, with "Load more". */
export function useInfiniteDuplicates(entityType: DuplicateEntityType) {
  return useInfiniteQuery(duplicatesInfiniteQueryOptions(entityType));
}
