import type { ImportDto } from "@shared/contracts/imports";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { importsKeys } from "./imports-keys";

/** GET /api/imports/:id. */
export async function getImport(id: string, signal?: AbortSignal): Promise<ImportDto> {
  return (await apiFetch<{ data: ImportDto }>(`/api/imports/${encodeURIComponent(id)}`, { signal })).data;
}

/** True while the import's background job has work left. */
export function isInFlight(imp: Pick<ImportDto, "status"> | undefined): boolean {
  return imp?.status === "queued" || imp?.status === "running";
}

/** True while the dry run's background job is checking the rows. */
export function isChecking(imp: Pick<ImportDto, "status"> | undefined): boolean {
  return imp?.status === "checking";
}

export const importQueryOptions = (id: string) =>
  queryOptions({
    queryKey: importsKeys.detail(id),
    queryFn: ({ signal }) => getImport(id, signal),
    // Live progress: poll every second while a job (the import or its check) runs, stop when it is done.
    refetchInterval: (q) => (isInFlight(q.state.data) || isChecking(q.state.data) ? 1000 : false),
  });

/** One import, polled while it runs or is being checked; idle until `id` is set. */
export function useImport(id: string) {
  return useQuery({ ...importQueryOptions(id), enabled: id !== "" });
}

/** A link that downloads the rejected rows as CSV. */
export function rejectsCsvHref(id: string): string {
  return `/api/imports/${encodeURIComponent(id)}/rejects.csv`;
}
