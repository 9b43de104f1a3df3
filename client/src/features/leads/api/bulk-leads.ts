import type { BulkResult } from "@shared/contracts/clients";
import type { BulkLeadsBody } from "@shared/contracts/leads";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { leadsKeys } from "./leads-keys";

/** POST /api/leads/bulk: one action on many leads; ones the actor may not change are skipped. */
export async function bulkLeads(body: BulkLeadsBody): Promise<BulkResult> {
  const res = await apiFetch<BulkResult | { data: BulkResult }>("/api/leads/bulk", { method: "POST", body });
  // The contract names the result itself; accept the usual { data } envelope as well.
  return "data" in res ? res.data : res;
}

export function useBulkLeads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkLeads,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadsKeys.all }),
  });
}
