import type { CreateSavedViewBody, SavedViewDto } from "@shared/contracts/saved-views";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { savedViewsKeys } from "./saved-views-keys";

/** POST /api/saved-views. */
export async function createSavedView(body: CreateSavedViewBody): Promise<SavedViewDto> {
  const res = await apiFetch<{ data: SavedViewDto }>("/api/saved-views", { method: "POST", body });
  return res.data;
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createSavedView, onSuccess: (view) => queryClient.invalidateQueries({ queryKey: savedViewsKeys.list(view.entityType) }) });
}
