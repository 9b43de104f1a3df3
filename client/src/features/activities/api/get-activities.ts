import type { ActivityListResponse } from "@shared/contracts/activities";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { activitiesKeys, type TimelineTarget } from "./activities-keys";

/** GET /api/activities (one page, newest first). */
export function getActivities(params: TimelineTarget & { cursor?: string }, signal?: AbortSignal): Promise<ActivityListResponse> {
  return apiFetch<ActivityListResponse>("/api/activities", { query: params, signal });
}

export const activitiesInfiniteQueryOptions = (target: TimelineTarget) =>
  infiniteQueryOptions({
    queryKey: activitiesKeys.list(target),
    queryFn: ({ pageParam, signal }) => getActivities({ ...target, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** A record's timeline with "Load more". */
export function useInfiniteActivities(target: TimelineTarget) {
  return useInfiniteQuery(activitiesInfiniteQueryOptions(target));
}
