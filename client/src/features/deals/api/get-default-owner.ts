import type { DealDefaultOwnerQuery, DealDefaultOwnerResponse } from "@shared/contracts/deals";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { dealsKeys } from "./deals-keys";

/** GET /api/deals/default-owner: who a new deal on this client or lead is owned by when the form names nobody. */
export function getDefaultDealOwner(q: DealDefaultOwnerQuery, signal?: AbortSignal): Promise<DealDefaultOwnerResponse> {
  const params = new URLSearchParams();
  if (q.clientId) params.set("clientId", q.clientId);
  if (q.leadId) params.set("leadId", q.leadId);
  return apiFetch<DealDefaultOwnerResponse>(`/api/deals/default-owner?${params}`, { signal });
}

/** The default owner of a new deal, refetched as the client or lead changes (only while `enabled`). */
export function useDefaultDealOwner(q: DealDefaultOwnerQuery, enabled: boolean) {
  return useQuery({ queryKey: dealsKeys.defaultOwner(q), queryFn: ({ signal }) => getDefaultDealOwner(q, signal), enabled, throwOnError: false });
}
