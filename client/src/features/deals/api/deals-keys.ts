import type { BoardQuery, DealDefaultOwnerQuery, ListDealsQuery } from "@shared/contracts/deals";

/** List filters as they appear in the URL and the query key (no cursor). */
export type DealsListParams = Partial<Omit<ListDealsQuery, "cursor">>;
export type BoardParams = Partial<Pick<BoardQuery, "ownerId" | "q" | "tag" | "limit">>;

export const dealsKeys = {
  all: ["deals"] as const,
  lists: () => [...dealsKeys.all, "list"] as const,
  infinite: (params: DealsListParams) => [...dealsKeys.lists(), "infinite", params] as const,
  boards: () => [...dealsKeys.all, "board"] as const,
  board: (pipelineId: string, params: BoardParams) => [...dealsKeys.boards(), pipelineId, params] as const,
  forecast: (pipelineId: string | undefined) => [...dealsKeys.all, "forecast", pipelineId ?? "all"] as const,
  details: () => [...dealsKeys.all, "detail"] as const,
  detail: (id: string) => [...dealsKeys.details(), id] as const,
  history: (id: string) => [...dealsKeys.all, "history", id] as const,
  defaultOwner: (q: DealDefaultOwnerQuery) => [...dealsKeys.all, "default-owner", q.clientId ?? "", q.leadId ?? ""] as const,
};
