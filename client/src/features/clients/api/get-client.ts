import type { ClientDto } from "@shared/contracts/clients";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { clientsKeys } from "./clients-keys";

/** GET /api/clients/:id. */
export async function getClient(id: string, signal?: AbortSignal): Promise<ClientDto> {
  const res = await apiFetch<{ data: ClientDto }>(`/api/clients/${encodeURIComponent(id)}`, { signal });
  return res.data;
}

export const clientQueryOptions = (id: string) =>
  queryOptions({ queryKey: clientsKeys.detail(id), queryFn: ({ signal }) => getClient(id, signal), throwOnError: false });

/** One client, with its abilities. */
export function useClient(id: string) {
  return useQuery(clientQueryOptions(id));
}
