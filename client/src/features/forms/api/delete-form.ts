import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { formsKeys } from "./forms-keys";

/** DELETE /api/forms/:id (the leads it brought in stay). */
export function deleteForm(id: string): Promise<void> {
  return apiFetch<void>(`/api/forms/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteForm,
    onSuccess: (_res, id) => {
      queryClient.removeQueries({ queryKey: formsKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: formsKeys.lists() });
    },
  });
}
