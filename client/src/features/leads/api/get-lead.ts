import type { LeadDto } from "@shared/contracts/leads";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { leadsKeys } from "./leads-keys";

/** GET /api/leads/:id. */
export async function getLead(id: string, signal?: AbortSignal): Promise<LeadDto> {
  const res = await apiFetch<{ data: LeadDto }>(`/api/leads/${encodeURIComponent(id)}`, { signal });
  return res.data;
}

export const leadQueryOptions = (id: string) =>
  queryOptions({ queryKey: leadsKeys.detail(id), queryFn: ({ signal }) => getLead(id, signal), throwOnError: false });

/** One lead, with its abilities. */
export function useLead(id: string) {
  return useQuery(leadQueryOptions(id));
}
