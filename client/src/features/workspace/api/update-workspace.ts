import type { UpdateWorkspaceBody, WorkspaceDto } from "@shared/contracts/workspace";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { authKeys } from "@/lib/auth";
import { workspaceKeys } from "./workspace-keys";

/** PATCH /api/workspace. */
export async function updateWorkspace(body: UpdateWorkspaceBody): Promise<WorkspaceDto> {
  const res = await apiFetch<{ data: WorkspaceDto }>("/api/workspace", { method: "PATCH", body });
  return res.data;
}

export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWorkspace,
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceKeys.detail(), workspace);
      // The shell reads name and brand colour from the signed-in user query (GET /api/auth/session).
      return queryClient.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}
