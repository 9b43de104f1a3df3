import type { ClientListResponse } from "@shared/contracts/clients";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { leadsKeys } from "./leads-keys";

/** GET /api/clients?q=: the conversion dialog's client picker (ten best matches). */
export function searchClients(q: string, signal?: AbortSignal): Promise<ClientListResponse> {
  return apiFetch<ClientListResponse>("/api/clients", { query: { q: q || undefined, limit: 10, sort: q ? "relevance" : "name" }, signal });
}

/** Clients matching the typed text (the first ten by name while it is empty). */
export function useClientSearch(q: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...leadsKeys.all, "convert", "clients", q] as const,
    queryFn: ({ signal }) => searchClients(q, signal),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    throwOnError: false,
  });
}
