import type { ClientListResponse } from "@shared/contracts/clients";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { clientsKeys } from "./clients-keys";

type ClientsParams = { q?: string; limit?: number; cursor?: string };

/** GET /api/clients (one page). */
export function getClients(params: ClientsParams, signal?: AbortSignal): Promise<ClientListResponse> {
  return apiFetch<ClientListResponse>("/api/clients", { query: params, signal });
}

export const clientsQueryOptions = (params: { q?: string; limit?: number } = {}) =>
  queryOptions({ queryKey: clientsKeys.list(params), queryFn: ({ signal }) => getClients(params, signal) });

/** The first page of clients (pickers and counts). */
export function useClients(params: { q?: string; limit?: number } = {}, options: { enabled?: boolean } = {}) {
  return useQuery({ ...clientsQueryOptions(params), enabled: options.enabled ?? true, throwOnError: false });
}
