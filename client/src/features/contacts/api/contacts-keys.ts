import type { ListContactsQuery } from "@shared/contracts/contacts";

/** List filters as they appear in the URL and the query key (no cursor). */
export type ContactsListParams = Partial<Omit<ListContactsQuery, "cursor">>;

export const contactsKeys = {
  all: ["contacts"] as const,
  lists: () => [...contactsKeys.all, "list"] as const,
  list: (params: ContactsListParams) => [...contactsKeys.lists(), params] as const,
  details: () => [...contactsKeys.all, "detail"] as const,
  detail: (id: string) => [...contactsKeys.details(), id] as const,
};
