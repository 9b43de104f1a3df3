import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { leadsKeys } from "./leads-keys";

/** DELETE /api/leads/:id (the lead and its timeline). */
export function deleteLead(id: string): Promise<void> {
  return apiFetch<void>(`/api/leads/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLead,
    onSuccess: (_res, id) => {
      queryClient.removeQueries({ queryKey: leadsKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: leadsKeys.workload() });
      return queryClient.invalidateQueries({ queryKey: leadsKeys.lists() });
    },
  });
}
