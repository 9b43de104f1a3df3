import type { RolePermissionsResponse } from "@shared/contracts/roles";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { rolesKeys } from "./roles-keys";

/** GET /api/roles: the permission catalogue and each role's grants. */
export function getRoles(signal?: AbortSignal): Promise<RolePermissionsResponse> {
  return apiFetch<RolePermissionsResponse>("/api/roles", { signal });
}

export const rolesQueryOptions = () => queryOptions({ queryKey: rolesKeys.matrix(), queryFn: ({ signal }) => getRoles(signal) });

export function useRoles() {
  return useQuery(rolesQueryOptions());
}
