import type { ListImportsQuery } from "@shared/contracts/imports";

/** List filters as they appear in the URL and the query key (no cursor). */
export type ImportsListParams = Partial<Omit<ListImportsQuery, "cursor">>;

export const importsKeys = {
  all: ["imports"] as const,
  lists: () => [...importsKeys.all, "list"] as const,
  infinite: (params: ImportsListParams) => [...importsKeys.lists(), "infinite", params] as const,
  details: () => [...importsKeys.all, "detail"] as const,
  detail: (id: string) => [...importsKeys.details(), id] as const,
};
