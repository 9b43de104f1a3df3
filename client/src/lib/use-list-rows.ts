import { useCallback, useMemo, useState } from "react";

/** Rows per request while scrolling (the table renders only the rows on screen, however many are loaded). */
export const LIST_PAGE_SIZE = 100;

/** What `useListRows` reads from an infinite list query (TanStack Query's `useInfiniteQuery`). */
interface InfiniteList<T> {
  data?: { pages: { data: T[] }[] };
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * The loaded rows of a keyset-paginated list, the callback that loads the next page (scrolling near
 * the end, or "Load more"), the row selection for bulk actions (rows no longer loaded — filtered out,
 * deleted — drop out of it) and the last bulk action's summary.
 */
export function useListRows<T extends { id: string }>(query: InfiniteList<T>, nameOf: (row: T) => string) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage, data } = query;
  const onEndReached = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const rows = useMemo(() => data?.pages.flatMap((p) => p.data) ?? [], [data]);
  // nameOf is a plain accessor; the names change only with the rows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const names = useMemo(() => new Map(rows.map((r) => [r.id, nameOf(r)])), [rows]);
  const [picked, setSelected] = useState<Set<string>>(() => new Set());
  const selected = useMemo(() => new Set([...picked].filter((id) => names.has(id))), [picked, names]);
  const [notice, setNotice] = useState("");
  const onBulkDone = useCallback((summary: string) => {
    setSelected(new Set());
    setNotice(summary);
  }, []);
  return {
    rows,
    onEndReached,
    names,
    selected,
    setSelected,
    notice,
    dismissNotice: () => setNotice(""),
    onBulkDone,
    /** Spread into the list's table. */
    tableRows: { rows, selected, onEndReached },
    /** Spread into the list's bulk-actions bar. */
    bulk: { selected, names, onDone: onBulkDone },
  };
}

/** What `useListRows` returns. */
export type ListRows<T extends { id: string }> = ReturnType<typeof useListRows<T>>;
