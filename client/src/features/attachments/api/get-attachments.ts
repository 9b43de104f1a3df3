import type { AttachmentListResponse } from "@shared/contracts/attachments";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { type AttachmentTarget, attachmentsKeys } from "./attachments-keys";

/** GET /api/attachments (one page, newest first). */
export function getAttachments(params: AttachmentTarget & { cursor?: string }, signal?: AbortSignal): Promise<AttachmentListResponse> {
  return apiFetch<AttachmentListResponse>("/api/attachments", { query: { ...params }, signal });
}

export const attachmentsInfiniteQueryOptions = (target: AttachmentTarget) =>
  infiniteQueryOptions({
    queryKey: attachmentsKeys.list(target),
    queryFn: ({ pageParam, signal }) => getAttachments({ ...target, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** A record's files with "Load more". */
export function useInfiniteAttachments(target: AttachmentTarget) {
  return useInfiniteQuery(attachmentsInfiniteQueryOptions(target));
}
