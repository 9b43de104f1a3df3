import type { JobsOverviewResponse } from "@shared/contracts/admin";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { adminKeys } from "./admin-keys";

export const JOBS_REFRESH_MS = 5_000;

/** GET /api/admin/jobs: queue counts and failed/dead jobs. */
export function getJobs(signal?: AbortSignal): Promise<JobsOverviewResponse> {
  return apiFetch<JobsOverviewResponse>("/api/admin/jobs", { signal });
}

export const jobsQueryOptions = () =>
  queryOptions({ queryKey: adminKeys.jobs(), queryFn: ({ signal }) => getJobs(signal), refetchInterval: JOBS_REFRESH_MS, staleTime: 0 });

/** Job overview, refreshed every 5 seconds. */
export function useJobs() {
  return useQuery(jobsQueryOptions());
}
