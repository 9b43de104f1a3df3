import type { DealDto, UpdateDealBody } from "@shared/contracts/deals";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreDeal } from "./use-store-deal";

/** PATCH /api/deals/:id. */
export async function updateDeal({ id, body }: { id: string; body: UpdateDealBody }): Promise<DealDto> {
  return (await apiFetch<{ data: DealDto }>(`/api/deals/${encodeURIComponent(id)}`, { method: "PATCH", body })).data;
}

export function useUpdateDeal() {
  const store = useStoreDeal();
  return useMutation({ mutationFn: updateDeal, onSuccess: store });
}
