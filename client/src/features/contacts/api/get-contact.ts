import type { ContactDto } from "@shared/contracts/contacts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { contactsKeys } from "./contacts-keys";

/** GET /api/contacts/:id. */
export async function getContact(id: string, signal?: AbortSignal): Promise<ContactDto> {
  const res = await apiFetch<{ data: ContactDto }>(`/api/contacts/${encodeURIComponent(id)}`, { signal });
  return res.data;
}

export const contactQueryOptions = (id: string) =>
  queryOptions({ queryKey: contactsKeys.detail(id), queryFn: ({ signal }) => getContact(id, signal), throwOnError: false });

/** One contact, with its abilities. */
export function useContact(id: string) {
  return useQuery(contactQueryOptions(id));
}
