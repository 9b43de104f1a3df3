import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { savedViewsKeys } from "./saved-views-keys";

/** DELETE /api/saved-views/:id. */
export function deleteSavedView(id: string): Promise<void> {
  return apiFetch<void>(`/api/saved-views/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteSavedView, onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewsKeys.all }) });
}
