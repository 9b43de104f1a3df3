import type { CreateDealBody, DealDto } from "@shared/contracts/deals";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreDeal } from "./use-store-deal";

/** POST /api/deals. */
export async function createDeal(body: CreateDealBody): Promise<DealDto> {
  return (await apiFetch<{ data: DealDto }>("/api/deals", { method: "POST", body })).data;
}

export function useCreateDeal() {
  const store = useStoreDeal();
  return useMutation({ mutationFn: createDeal, onSuccess: store });
}
