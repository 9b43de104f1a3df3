import type { AttachmentDto, AttachmentResponse } from "@shared/contracts/attachments";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { apiUpload } from "@/lib/api-client";
import { type AttachmentTarget, attachmentsKeys } from "./attachments-keys";

/** POST /api/attachments (multipart, field `file`), reporting progress as a fraction 0–1. */
export async function uploadAttachment(
  target: AttachmentTarget,
  file: File,
  opts: { sharedWithClient?: boolean; onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<AttachmentDto> {
  const form = new FormData();
  if (opts.sharedWithClient) form.append("sharedWithClient", "true");
  form.append("file", file, file.name);
  const res = await apiUpload<AttachmentResponse>("/api/attachments", form, {
    query: { entityType: target.entityType, entityId: target.entityId },
    onProgress: (loaded, total) => opts.onProgress?.(total > 0 ? Math.min(1, loaded / total) : 0),
    signal: opts.signal,
  });
  return res.data;
}

/** Uploads one file and refreshes the record's list when it lands (progress is per call, so several files can go at once). */
export function useUploadAttachment(target: AttachmentTarget) {
  const queryClient = useQueryClient();
  return useCallback(
    async (file: File, opts: Parameters<typeof uploadAttachment>[2] = {}) => {
      const created = await uploadAttachment(target, file, opts);
      await queryClient.invalidateQueries({ queryKey: attachmentsKeys.list(target) });
      return created;
    },
    [queryClient, target],
  );
}
