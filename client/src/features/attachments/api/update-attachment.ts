import type { AttachmentDto, AttachmentResponse, UpdateAttachmentBody } from "@shared/contracts/attachments";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { attachmentsKeys } from "./attachments-keys";

/** PATCH /api/attachments/:id (share with the client's portal or stop sharing). */
export async function updateAttachment(id: string, body: UpdateAttachmentBody): Promise<AttachmentDto> {
  const res = await apiFetch<AttachmentResponse>(`/api/attachments/${encodeURIComponent(id)}`, { method: "PATCH", body });
  return res.data;
}

export function useUpdateAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateAttachmentBody & { id: string }) => updateAttachment(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsKeys.lists() }),
  });
}
