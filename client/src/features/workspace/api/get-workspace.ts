import type { WorkspaceDto } from "@shared/contracts/workspace";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { workspaceKeys } from "./workspace-keys";

/** GET /api/workspace. */
export async function getWorkspace(signal?: AbortSignal): Promise<WorkspaceDto> {
  const res = await apiFetch<{ data: WorkspaceDto }>("/api/workspace", { signal });
  return res.data;
}

export const workspaceQueryOptions = () => queryOptions({ queryKey: workspaceKeys.detail(), queryFn: ({ signal }) => getWorkspace(signal) });

export function useWorkspace() {
  return useQuery(workspaceQueryOptions());
}
