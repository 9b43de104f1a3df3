import type { CloseDealBody, DealDto } from "@shared/contracts/deals";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreDeal } from "./use-store-deal";

/** POST /api/deals/:id/close (won, or lost with a reason). */
export async function closeDeal({ id, body }: { id: string; body: CloseDealBody }): Promise<DealDto> {
  return (await apiFetch<{ data: DealDto }>(`/api/deals/${encodeURIComponent(id)}/close`, { method: "POST", body })).data;
}

export function useCloseDeal() {
  const store = useStoreDeal();
  return useMutation({ mutationFn: closeDeal, onSuccess: store });
}
