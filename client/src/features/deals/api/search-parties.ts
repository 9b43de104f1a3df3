import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { dealsKeys } from "./deals-keys";

export interface PartyOption {
  id: string;
  name: string;
}

/** GET /api/clients?q= or /api/leads?q= (first 10 visible matches) for the deal's client/lead picker. */
export function searchParties(kind: "clients" | "leads", q: string, signal?: AbortSignal): Promise<{ data: PartyOption[] }> {
  return apiFetch<{ data: PartyOption[] }>(`/api/${kind}`, { query: { q: q || undefined, limit: 10 }, signal });
}

/** Debounced search of clients or leads the user can see. */
export function usePartySearch(kind: "clients" | "leads", q: string, enabled: boolean) {
  const term = useDebouncedValue(q.trim(), 250);
  return useQuery({
    queryKey: [...dealsKeys.all, "party-search", kind, term],
    queryFn: ({ signal }) => searchParties(kind, term, signal),
    enabled,
    throwOnError: false,
    staleTime: 10_000,
  });
}

/** GET /api/contacts?clientId= (a client's contacts, for the deal's contact picker). */
export function useClientContacts(clientId: string | null | undefined) {
  return useQuery({
    queryKey: [...dealsKeys.all, "client-contacts", clientId ?? ""],
    queryFn: ({ signal }) =>
      apiFetch<{ data: { id: string; firstName: string; lastName: string | null }[] }>("/api/contacts", { query: { clientId: clientId ?? undefined, limit: 100 }, signal }),
    enabled: !!clientId,
    throwOnError: false,
  });
}
