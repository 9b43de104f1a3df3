import type { PortalFileListResponse } from "@shared/contracts/attachments";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { portalKeys } from "./portal-keys";

/** GET /api/portal/files: files the agency shared with the portal user's client (one page, newest first). */
export function getPortalFiles(cursor: string | undefined, signal?: AbortSignal): Promise<PortalFileListResponse> {
  return apiFetch<PortalFileListResponse>("/api/portal/files", { query: { cursor }, signal });
}

export const portalFilesInfiniteQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: portalKeys.files(),
    queryFn: ({ pageParam, signal }) => getPortalFiles(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** Shared files with "Load more". */
export function usePortalFiles() {
  return useInfiniteQuery(portalFilesInfiniteQueryOptions());
}
