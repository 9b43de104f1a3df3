import type { LeadWorkloadResponse } from "@shared/contracts/leads";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { leadsKeys } from "./leads-keys";

/** GET /api/leads/workload: open and new leads per owner. */
export function getLeadWorkload(signal?: AbortSignal): Promise<LeadWorkloadResponse> {
  return apiFetch<LeadWorkloadResponse>("/api/leads/workload", { signal });
}

export const leadWorkloadQueryOptions = () =>
  queryOptions({ queryKey: leadsKeys.workload(), queryFn: ({ signal }) => getLeadWorkload(signal), throwOnError: false });

/** The workload view's rows. */
export function useLeadWorkload() {
  return useQuery(leadWorkloadQueryOptions());
}
