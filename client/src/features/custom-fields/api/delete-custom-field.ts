import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";

/** DELETE /api/custom-fields/:id (its values go from every record). */
export function deleteCustomField(id: string): Promise<void> {
  return apiFetch<void>(`/api/custom-fields/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteCustomField() {
  const queryClient = useQueryClient();
  // Records' cached values and list columns change too.
  return useMutation({ mutationFn: deleteCustomField, onSuccess: () => queryClient.invalidateQueries() });
}
