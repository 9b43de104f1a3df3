import type { DealDto } from "@shared/contracts/deals";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreDeal } from "./use-store-deal";

/** POST /api/deals/:id/reopen. */
export async function reopenDeal(id: string): Promise<DealDto> {
  return (await apiFetch<{ data: DealDto }>(`/api/deals/${encodeURIComponent(id)}/reopen`, { method: "POST" })).data;
}

export function useReopenDeal() {
  const store = useStoreDeal();
  return useMutation({ mutationFn: reopenDeal, onSuccess: store });
}
