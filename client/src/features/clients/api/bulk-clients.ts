import type { BulkClientsBody, BulkResult } from "@shared/contracts/clients";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { clientsKeys } from "./clients-keys";

/** POST /api/clients/bulk: one action on many clients; rows the actor may not change are skipped. */
export async function bulkClients(body: BulkClientsBody): Promise<BulkResult> {
  const res = await apiFetch<BulkResult | { data: BulkResult }>("/api/clients/bulk", { method: "POST", body });
  // The contract names the result itself; accept the usual { data } envelope as well.
  return "data" in res ? res.data : res;
}

export function useBulkClients() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkClients,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKeys.all }),
  });
}
