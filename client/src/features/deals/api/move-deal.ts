import type { DealDto, MoveDealBody } from "@shared/contracts/deals";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreDeal } from "./use-store-deal";

/** POST /api/deals/:id/move. */
export async function moveDeal({ id, body }: { id: string; body: MoveDealBody }): Promise<DealDto> {
  return (await apiFetch<{ data: DealDto }>(`/api/deals/${encodeURIComponent(id)}/move`, { method: "POST", body })).data;
}

/** Moves a deal; callers apply the move optimistically and roll back on error. */
export function useMoveDeal() {
  const store = useStoreDeal();
  return useMutation({ mutationFn: moveDeal, onSuccess: store });
}
