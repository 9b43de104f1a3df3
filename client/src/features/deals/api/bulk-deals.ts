import type { BulkResult } from "@shared/contracts/clients";
import type { BulkDealsBody } from "@shared/contracts/deals";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { dealsKeys } from "./deals-keys";

/** POST /api/deals/bulk: one action on many deals; ones the actor may not change are skipped. */
export function bulkDeals(body: BulkDealsBody): Promise<BulkResult> {
  return apiFetch<BulkResult>("/api/deals/bulk", { method: "POST", body });
}

export function useBulkDeals() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: bulkDeals, onSuccess: () => queryClient.invalidateQueries({ queryKey: dealsKeys.all }) });
}
