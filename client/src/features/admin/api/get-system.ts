import type { SystemStatusResponse } from "@shared/contracts/admin";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { adminKeys } from "./admin-keys";

export const SYSTEM_REFRESH_MS = 10_000;

/** GET /api/admin/system. */
export function getSystemStatus(signal?: AbortSignal): Promise<SystemStatusResponse> {
  return apiFetch<SystemStatusResponse>("/api/admin/system", { signal });
}

export const systemQueryOptions = () =>
  queryOptions({
    queryKey: adminKeys.system(),
    queryFn: ({ signal }) => getSystemStatus(signal),
    refetchInterval: SYSTEM_REFRESH_MS,
    staleTime: 0,
  });

/** System status, refreshed every 10 seconds. */
export function useSystemStatus() {
  return useQuery(systemQueryOptions());
}
