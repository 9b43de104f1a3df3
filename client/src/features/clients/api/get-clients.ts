import type { ClientListResponse } from "@shared/contracts/clients";
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "@/lib/api-client";
import { type ClientsListParams, clientsKeys } from "./clients-keys";

/** GET /api/clients (one page). */
export function getClients(params: ClientsListParams & { cursor?: string }, signal?: AbortSignal): Promise<ClientListResponse> {
  return apiFetch<ClientListResponse>("/api/clients", { query: params, signal });
}

export const clientsQueryOptions = (params: ClientsListParams = {}) =>
  queryOptions({ queryKey: clientsKeys.list(params), queryFn: ({ signal }) => getClients(params, signal) });

/** The first page of clients (pickers and counts). */
export function useClients(params: ClientsListParams = {}, options: { enabled?: boolean } = {}) {
  return useQuery({ ...clientsQueryOptions(params), enabled: options.enabled ?? true, throwOnError: false });
}

export const clientsInfiniteQueryOptions = (params: ClientsListParams) =>
  infiniteQueryOptions({
    queryKey: clientsKeys.infinite(params),
    queryFn: ({ pageParam, signal }) => getClients({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** The client list with "Load more". */
export function useInfiniteClients(params: ClientsListParams) {
  return useInfiniteQuery(clientsInfiniteQueryOptions(params));
}

/** GET /api/clients/export.csv with the same filters, as a download link. */
export function clientsExportHref(params: Omit<ClientsListParams, "limit">): string {
  return withQuery("/api/clients/export.csv", params);
}
