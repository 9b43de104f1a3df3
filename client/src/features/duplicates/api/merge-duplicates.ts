import type { MergeDuplicatesBody, MergeDuplicatesResponse } from "@shared/contracts/duplicates";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { duplicatesKeys } from "./duplicates-keys";

/** POST /api/duplicates/merge. */
export function mergeDuplicates(body: MergeDuplicatesBody): Promise<MergeDuplicatesResponse> {
  return apiFetch<MergeDuplicatesResponse>("/api/duplicates/merge", { method: "POST", body });
}

/** Merges a pair; every cached list may hold the merged record, so all queries are refreshed. */
export function useMergeDuplicates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mergeDuplicates,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: duplicatesKeys.lists() });
      // Clients, contacts, leads and deals lists show the moved records: mark everything stale.
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== duplicatesKeys.all[0], refetchType: "none" });
    },
  });
}
