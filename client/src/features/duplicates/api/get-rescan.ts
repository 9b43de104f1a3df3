import type { DuplicateScanResponse } from "@shared/contracts/duplicates";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { duplicatesKeys } from "./duplicates-keys";

/** GET /api/duplicates/rescan (the latest rescan and its progress). */
export function getRescan(signal?: AbortSignal): Promise<DuplicateScanResponse> {
  return apiFetch<DuplicateScanResponse>("/api/duplicates/rescan", { signal });
}

const active = (r: DuplicateScanResponse | undefined) => !!r?.data && r.data.status !== "done";

export const rescanQueryOptions = () =>
  queryOptions({
    queryKey: duplicatesKeys.rescan(),
    queryFn: ({ signal }) => getRescan(signal),
    // Polls while a rescan is under way, then stops.
    refetchInterval: (q) => (active(q.state.data) ? 1000 : false),
  });

/** The workspace's latest rescan (admins only: `enabled` false for everyone else). */
export function useRescan(enabled: boolean) {
  return useQuery({ ...rescanQueryOptions(), enabled });
}
