import type { Role } from "@shared/constants/roles";
import type { RolePermissionsResponse, UpdateRolePermissionsBody } from "@shared/contracts/roles";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { authKeys } from "@/lib/auth";
import { rolesKeys } from "./roles-keys";

/** PUT /api/roles/:role/permissions (replaces the role's grants). */
export function updateRolePermissions({ role, body }: { role: Role; body: UpdateRolePermissionsBody }): Promise<RolePermissionsResponse> {
  return apiFetch<RolePermissionsResponse>(`/api/roles/${encodeURIComponent(role)}/permissions`, { method: "PUT", body });
}

export function useUpdateRolePermissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRolePermissions,
    onSuccess: (data) => {
      queryClient.setQueryData(rolesKeys.matrix(), data);
      // The signed-in user's own role may have changed: refresh what the UI shows them.
      return queryClient.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}
