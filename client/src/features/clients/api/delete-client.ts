import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { clientsKeys } from "./clients-keys";

/** DELETE /api/clients/:id (409 while a portal user is bound to it). */
export function deleteClient(id: string): Promise<void> {
  return apiFetch<void>(`/api/clients/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteClient,
    onSuccess: (_res, id) => {
      queryClient.removeQueries({ queryKey: clientsKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: clientsKeys.lists() });
    },
  });
}
