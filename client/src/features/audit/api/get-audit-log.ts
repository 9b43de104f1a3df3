import type { AuditLogListResponse } from "@shared/contracts/audit";
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { type AuditListParams, auditKeys } from "./audit-keys";

/** GET /api/audit-log (one page, newest first). */
export function getAuditLog(params: AuditListParams & { cursor?: string }, signal?: AbortSignal): Promise<AuditLogListResponse> {
  return apiFetch<AuditLogListResponse>("/api/audit-log", { query: params, signal });
}

export const auditInfiniteQueryOptions = (params: AuditListParams) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(params),
    queryFn: ({ pageParam, signal }) => getAuditLog({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
  });

/** The audit log with "Load more". */
export function useInfiniteAuditLog(params: AuditListParams) {
  return useInfiniteQuery(auditInfiniteQueryOptions(params));
}

/** The latest few entries matching the filters (dashboard, member page). */
export function useRecentAudit(params: AuditListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...queryOptions({ queryKey: auditKeys.recent(params), queryFn: ({ signal }) => getAuditLog(params, signal) }),
    enabled: options.enabled ?? true,
    throwOnError: false,
  });
}

/** Marks every audit list stale (call after a change that writes an audit entry). */
export function useInvalidateAudit() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: auditKeys.all });
}
