import type { ContactListResponse } from "@shared/contracts/contacts";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { leadsKeys } from "./leads-keys";

/** GET /api/contacts?clientId=: the contacts a conversion may link to. */
export function getClientContacts(clientId: string, signal?: AbortSignal): Promise<ContactListResponse> {
  return apiFetch<ContactListResponse>("/api/contacts", { query: { clientId, limit: 100 }, signal });
}

/** One client's contacts (disabled until a client is chosen). */
export function useClientContacts(clientId: string | null) {
  return useQuery({
    queryKey: [...leadsKeys.all, "convert", "contacts", clientId] as const,
    queryFn: ({ signal }) => getClientContacts(clientId ?? "", signal),
    enabled: !!clientId,
    throwOnError: false,
  });
}
