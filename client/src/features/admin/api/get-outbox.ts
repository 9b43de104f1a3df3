import type { OutboxMessageDto } from "@shared/contracts/admin";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { adminKeys } from "./admin-keys";

type OutboxPage = { data: OutboxMessageDto[]; meta: { nextCursor: string | null } };

/** GET /api/admin/outbox (one page, newest first). */
export function getOutbox(params: { to?: string; cursor?: string }, signal?: AbortSignal): Promise<OutboxPage> {
  return apiFetch<OutboxPage>("/api/admin/outbox", { query: params, signal });
}

export const outboxInfiniteQueryOptions = (params: { to?: string }) =>
  infiniteQueryOptions({
    queryKey: adminKeys.outbox(params),
    queryFn: ({ pageParam, signal }) => getOutbox({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
    staleTime: 0,
  });

/** Captured outgoing email with "Load more". */
export function useInfiniteOutbox(params: { to?: string }) {
  return useInfiniteQuery(outboxInfiniteQueryOptions(params));
}
