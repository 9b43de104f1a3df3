import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { attachmentsKeys } from "./attachments-keys";

/** DELETE /api/attachments/:id (the stored file goes too). */
export function deleteAttachment(id: string): Promise<void> {
  return apiFetch<void>(`/api/attachments/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAttachment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsKeys.lists() }),
  });
}
