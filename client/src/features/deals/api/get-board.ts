import type { BoardResponse } from "@shared/contracts/deals";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { type BoardParams, dealsKeys } from "./deals-keys";

/** GET /api/pipelines/:id/board (every column), or one column's next deals with stageId + cursor. */
export function getBoard(pipelineId: string, params: BoardParams & { stageId?: string; cursor?: string }, signal?: AbortSignal): Promise<BoardResponse> {
  return apiFetch<BoardResponse>(`/api/pipelines/${encodeURIComponent(pipelineId)}/board`, { query: params, signal });
}

/** A pipeline's kanban board. */
export function useBoard(pipelineId: string | undefined, params: BoardParams) {
  return useQuery({
    queryKey: dealsKeys.board(pipelineId ?? "", params),
    queryFn: ({ signal }) => getBoard(pipelineId!, params, signal),
    enabled: !!pipelineId,
    throwOnError: false,
  });
}
