import type { ListClientsQuery } from "@shared/contracts/clients";

/** List filters as they appear in the URL and the query key (no cursor). */
export type ClientsListParams = Partial<Omit<ListClientsQuery, "cursor">>;

export const clientsKeys = {
  all: ["clients"] as const,
  lists: () => [...clientsKeys.all, "list"] as const,
  list: (params: ClientsListParams) => [...clientsKeys.lists(), params] as const,
  infinite: (params: ClientsListParams) => [...clientsKeys.lists(), "infinite", params] as const,
  details: () => [...clientsKeys.all, "detail"] as const,
  detail: (id: string) => [...clientsKeys.details(), id] as const,
};
