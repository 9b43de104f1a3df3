import type { UserDto } from "@shared/contracts/users";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { usersKeys } from "./users-keys";

/** GET /api/users/:id. */
export async function getUser(id: string, signal?: AbortSignal): Promise<UserDto> {
  const res = await apiFetch<{ data: UserDto }>(`/api/users/${encodeURIComponent(id)}`, { signal });
  return res.data;
}

export const userQueryOptions = (id: string) =>
  queryOptions({ queryKey: usersKeys.detail(id), queryFn: ({ signal }) => getUser(id, signal) });

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}
