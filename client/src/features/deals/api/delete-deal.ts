import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { dealsKeys } from "./deals-keys";

/** DELETE /api/deals/:id. */
export async function deleteDeal(id: string): Promise<void> {
  await apiFetch<void>(`/api/deals/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDeal,
    onSuccess: (_v, id) => {
      queryClient.removeQueries({ queryKey: dealsKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: dealsKeys.all });
    },
  });
}
