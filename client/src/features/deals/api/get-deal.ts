import type { DealDto } from "@shared/contracts/deals";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { dealsKeys } from "./deals-keys";

/** GET /api/deals/:id. */
export async function getDeal(id: string, signal?: AbortSignal): Promise<DealDto> {
  return (await apiFetch<{ data: DealDto }>(`/api/deals/${encodeURIComponent(id)}`, { signal })).data;
}

export const dealQueryOptions = (id: string) => queryOptions({ queryKey: dealsKeys.detail(id), queryFn: ({ signal }) => getDeal(id, signal), throwOnError: false });

/** One deal with names, stage, rotting flag and abilities. */
export function useDeal(id: string) {
  return useQuery(dealQueryOptions(id));
}
