import type { DuplicateScanResponse } from "@shared/contracts/duplicates";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { duplicatesKeys } from "./duplicates-keys";

/** POST /api/duplicates/rescan (rebuild every pair in the background). */
export function startRescan(): Promise<DuplicateScanResponse> {
  return apiFetch<DuplicateScanResponse>("/api/duplicates/rescan", { method: "POST" });
}

export function useStartRescan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startRescan,
    onSuccess: (res) => queryClient.setQueryData(duplicatesKeys.rescan(), res),
  });
}
