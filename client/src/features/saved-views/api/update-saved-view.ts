import type { SavedViewDto, UpdateSavedViewBody } from "@shared/contracts/saved-views";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { savedViewsKeys } from "./saved-views-keys";

/** PATCH /api/saved-views/:id. */
export async function updateSavedView({ id, body }: { id: string; body: UpdateSavedViewBody }): Promise<SavedViewDto> {
  const res = await apiFetch<{ data: SavedViewDto }>(`/api/saved-views/${encodeURIComponent(id)}`, { method: "PATCH", body });
  return res.data;
}

export function useUpdateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateSavedView, onSuccess: (view) => queryClient.invalidateQueries({ queryKey: savedViewsKeys.list(view.entityType) }) });
}
