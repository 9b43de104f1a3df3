import type { LeadFormDto } from "@shared/contracts/forms";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { formsKeys } from "./forms-keys";

/** GET /api/forms/:id. */
export async function getForm(id: string, signal?: AbortSignal): Promise<LeadFormDto> {
  const res = await apiFetch<{ data: LeadFormDto }>(`/api/forms/${encodeURIComponent(id)}`, { signal });
  return res.data;
}

export const formQueryOptions = (id: string) => queryOptions({ queryKey: formsKeys.detail(id), queryFn: ({ signal }) => getForm(id, signal), throwOnError: false });

/** One form. */
export function useLeadForm(id: string) {
  return useQuery(formQueryOptions(id));
}
