import type { SavedViewEntity, SavedViewListResponse } from "@shared/contracts/saved-views";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { savedViewsKeys } from "./saved-views-keys";

/** GET /api/saved-views?entityType=… (the user's personal views, then shared ones). */
export function getSavedViews(entityType: SavedViewEntity, signal?: AbortSignal): Promise<SavedViewListResponse> {
  return apiFetch<SavedViewListResponse>("/api/saved-views", { query: { entityType }, signal });
}

export const savedViewsQueryOptions = (entityType: SavedViewEntity) =>
  queryOptions({ queryKey: savedViewsKeys.list(entityType), queryFn: ({ signal }) => getSavedViews(entityType, signal), staleTime: 30_000 });

/** The views of one list. */
export function useSavedViews(entityType: SavedViewEntity) {
  return useQuery({ ...savedViewsQueryOptions(entityType), throwOnError: false });
}
