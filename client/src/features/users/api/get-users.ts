import type { UserListResponse } from "@shared/contracts/users";
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { type UsersListParams, usersKeys } from "./users-keys";

/** GET /api/users (one page). */
export function getUsers(params: UsersListParams & { cursor?: string }, signal?: AbortSignal): Promise<UserListResponse> {
  return apiFetch<UserListResponse>("/api/users", { query: params, signal });
}

export const usersInfiniteQueryOptions = (params: UsersListParams) =>
  infiniteQueryOptions({
    queryKey: usersKeys.list(params),
    queryFn: ({ pageParam, signal }) => getUsers({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** The team list with "Load more". */
export function useInfiniteUsers(params: UsersListParams) {
  return useInfiniteQuery(usersInfiniteQueryOptions(params));
}

export const usersFirstPageQueryOptions = (params: UsersListParams) =>
  queryOptions({ queryKey: usersKeys.firstPage(params), queryFn: ({ signal }) => getUsers(params, signal) });

/** Only the first page (for counts and pickers). */
export function useUsersFirstPage(params: UsersListParams, options: { enabled?: boolean } = {}) {
  return useQuery({ ...usersFirstPageQueryOptions(params), enabled: options.enabled ?? true });
}
