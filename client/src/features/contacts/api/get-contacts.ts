import type { ContactListResponse } from "@shared/contracts/contacts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "@/lib/api-client";
import { type ContactsListParams, contactsKeys } from "./contacts-keys";

/** GET /api/contacts (one page). */
export function getContacts(params: ContactsListParams & { cursor?: string }, signal?: AbortSignal): Promise<ContactListResponse> {
  return apiFetch<ContactListResponse>("/api/contacts", { query: params, signal });
}

export const contactsInfiniteQueryOptions = (params: ContactsListParams) =>
  infiniteQueryOptions({
    queryKey: contactsKeys.list(params),
    queryFn: ({ pageParam, signal }) => getContacts({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** Contacts (all, or one client's) with "Load more". */
export function useInfiniteContacts(params: ContactsListParams) {
  return useInfiniteQuery(contactsInfiniteQueryOptions(params));
}

/** GET /api/contacts/export.csv with the same filters, as a download link. */
export function contactsExportHref(params: Omit<ContactsListParams, "limit">): string {
  return withQuery("/api/contacts/export.csv", params);
}
