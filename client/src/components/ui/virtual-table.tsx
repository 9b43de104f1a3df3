import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useEffect, useRef } from "react";
import { cn } from "@/lib/cn";

/** One column of a virtual table: its header cell, its body cell, and a fixed width (px). */
export interface VirtualColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /**
   * Width in pixels (the table uses a fixed layout, so columns never jump while rows scroll in and
   * out); omit for the column that takes the remaining space (at least FLEX_MIN_WIDTH).
   */
  width?: number;
  /** `aria-sort` for a sortable header. */
  sort?: "ascending" | "descending" | "none";
  className?: string;
  headerClassName?: string;
}

/** How many rows from the end a scroll position must be to ask for the next page. */
const LOAD_AHEAD_ROWS = 20;
const FLEX_MIN_WIDTH = 200;

/**
 * A real `<table>` whose body renders only the rows in (and just around) the viewport, with spacer
 * rows above and below, so scrolling tens of thousands of loaded rows stays smooth. The header
 * sticks to the top of the scroll box; `aria-rowcount`/`aria-rowindex` tell assistive technology the
 * full size; focus moving by Tab scrolls the next row in, which renders it. Near the end it calls
 * `onEndReached` (infinite loading).
 */
export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  rowProps,
  rowHeight = 57,
  overscan = 8,
  onEndReached,
  label,
  testId,
  className,
}: {
  rows: readonly T[];
  columns: VirtualColumn<T>[];
  rowKey: (row: T) => string;
  rowProps?: (row: T) => { className?: string; "aria-selected"?: boolean; "data-testid"?: string };
  /** Estimated row height in px (rows are measured once rendered). */
  rowHeight?: number;
  overscan?: number;
  /** Called when the user scrolls near the last loaded row. */
  onEndReached?: () => void;
  label: string;
  testId?: string;
  className?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    getItemKey: (index) => rowKey(rows[index]!),
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastIndex >= rows.length - 1 - LOAD_AHEAD_ROWS) onEndReached();
  }, [lastIndex, rows.length, onEndReached]);

  const totalWidth = columns.reduce((sum, c) => sum + (c.width ?? FLEX_MIN_WIDTH), 0);
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;

  return (
    <div
      ref={scrollRef}
      data-testid={testId ? `${testId}-scroll` : undefined}
      className={cn("relative max-h-[calc(100dvh-16rem)] w-full overflow-auto overscroll-contain", className)}
    >
      <table
        aria-label={label}
        aria-rowcount={rows.length + 1}
        data-testid={testId}
        className="w-full table-fixed border-collapse text-left text-sm"
        style={{ minWidth: totalWidth }}
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead className="text-xs text-zinc-500">
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                aria-sort={c.sort}
                className={cn("sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 px-4 py-2.5 font-medium whitespace-nowrap", c.headerClassName)}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {paddingTop > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row (never focusable); hidden so screen readers count only real rows.
            <tr aria-hidden="true" data-spacer="">
              <td colSpan={columns.length} style={{ height: paddingTop, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            const extra = rowProps?.(row) ?? {};
            return (
              <tr
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
                {...extra}
                className={cn("transition-colors hover:bg-zinc-50/70", extra.className)}
              >
                {columns.map((c) => (
                  <td key={c.id} className={cn("truncate px-4 py-3 align-middle text-zinc-700", c.className)}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row (never focusable); hidden so screen readers count only real rows.
            <tr aria-hidden="true" data-spacer="">
              <td colSpan={columns.length} style={{ height: paddingBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
