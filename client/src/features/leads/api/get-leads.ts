import type { LeadListResponse } from "@shared/contracts/leads";
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "@/lib/api-client";
import { type LeadsListParams, leadsKeys } from "./leads-keys";

/** GET /api/leads (one page). */
export function getLeads(params: LeadsListParams & { cursor?: string }, signal?: AbortSignal): Promise<LeadListResponse> {
  return apiFetch<LeadListResponse>("/api/leads", { query: params, signal });
}

export const leadsQueryOptions = (params: LeadsListParams = {}) =>
  queryOptions({ queryKey: leadsKeys.list(params), queryFn: ({ signal }) => getLeads(params, signal) });

/** The first page of leads (pickers and counts). */
export function useLeads(params: LeadsListParams = {}, options: { enabled?: boolean } = {}) {
  return useQuery({ ...leadsQueryOptions(params), enabled: options.enabled ?? true, throwOnError: false });
}

export const leadsInfiniteQueryOptions = (params: LeadsListParams) =>
  infiniteQueryOptions({
    queryKey: leadsKeys.infinite(params),
    queryFn: ({ pageParam, signal }) => getLeads({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** The lead list with "Load more". */
export function useInfiniteLeads(params: LeadsListParams) {
  return useInfiniteQuery(leadsInfiniteQueryOptions(params));
}

/** GET /api/leads/export.csv with the same filters, as a download link. */
export function leadsExportHref(params: Omit<LeadsListParams, "limit">): string {
  return withQuery("/api/leads/export.csv", params);
}
