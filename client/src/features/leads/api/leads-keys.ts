import type { ListLeadsQuery } from "@shared/contracts/leads";

/** List filters as they appear in the URL and the query key (no cursor). */
export type LeadsListParams = Partial<Omit<ListLeadsQuery, "cursor" | "unassigned">> & { unassigned?: "true" };

export const leadsKeys = {
  all: ["leads"] as const,
  lists: () => [...leadsKeys.all, "list"] as const,
  list: (params: LeadsListParams) => [...leadsKeys.lists(), params] as const,
  infinite: (params: LeadsListParams) => [...leadsKeys.lists(), "infinite", params] as const,
  workload: () => [...leadsKeys.all, "workload"] as const,
  details: () => [...leadsKeys.all, "detail"] as const,
  detail: (id: string) => [...leadsKeys.details(), id] as const,
};
