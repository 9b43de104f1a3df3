import type { DuplicateEntityType, DuplicateListResponse, DuplicateReason } from "@shared/contracts/duplicates";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { duplicatesKeys } from "./duplicates-keys";

/** GET /api/duplicates (one page of candidate pairs, best score first). */
export function getDuplicates(entityType: DuplicateEntityType, reason: DuplicateReason | undefined, cursor: string | undefined, signal?: AbortSignal): Promise<DuplicateListResponse> {
  return apiFetch<DuplicateListResponse>("/api/duplicates", { query: { entityType, reason, cursor, limit: 25 }, signal });
}

export const duplicatesInfiniteQueryOptions = (entityType: DuplicateEntityType, reason?: DuplicateReason) =>
  infiniteQueryOptions({
    queryKey: duplicatesKeys.list(entityType, reason),
    queryFn: ({ pageParam, signal }) => getDuplicates(entityType, reason, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** Candidate pairs of one record type (optionally of one reason), with "Load more". */
export function useInfiniteDuplicates(entityType: DuplicateEntityType, reason?: DuplicateReason) {
  return useInfiniteQuery(duplicatesInfiniteQueryOptions(entityType, reason));
}
