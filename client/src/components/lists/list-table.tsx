import { useMemo } from "react";
import { Checkbox } from "@/components/ui/input";
import { ariaSort, SortButton } from "@/components/ui/table";
import { type VirtualColumn, VirtualTable } from "@/components/ui/virtual-table";
import type { ExtraColumn } from "@/lib/table-columns";

/** A header that sorts by `key` on click and shows the direction while `key` is the sort. */
export function sortableHeader<K extends string>(key: K, label: string, state: { sort: string; order: "asc" | "desc"; onSort: (key: K) => void }) {
  const active = state.sort === key;
  return {
    header: <SortButton label={label} active={active} order={state.order} onSort={() => state.onSort(key)} />,
    sort: ariaSort(active, state.order),
  };
}

/** The props every list table takes from its page (the columns it shows, selection, infinite loading). */
export interface ListTableProps<T> {
  rows: T[];
  /** The active sort; built-in headers show it (a custom column's header shows its own). */
  sort: string;
  order: "asc" | "desc";
  selected?: ReadonlySet<string>;
  /** Omit when the user has no bulk actions: no checkbox column then. */
  onSelectedChange?: (next: Set<string>) => void;
  /** Visible column ids after the first, in order (built-in ids and custom `cf:<key>` ids). */
  columnIds: readonly string[];
  /** Custom-field columns the page offers (shown when listed in `columnIds`). */
  customColumns?: ExtraColumn<T>[];
  /** Infinite loading: called when the user scrolls near the last loaded row. */
  onEndReached?: () => void;
}

const NOTHING_SELECTED: ReadonlySet<string> = new Set();

/**
 * A record list's table (virtualized: only the rows on screen are in the DOM): the always-shown first
 * column, then the built-in and custom columns in the user's order, and a checkbox per row for bulk
 * actions when the page takes a selection.
 */
export function ListTable<T extends { id: string }>({
  label,
  testId,
  rowTestId,
  plural,
  rowName,
  first,
  builtIn,
  rows,
  selected = NOTHING_SELECTED,
  onSelectedChange,
  columnIds,
  customColumns = [],
  onEndReached,
}: Omit<ListTableProps<T>, "sort" | "order"> & {
  /** The table's accessible name ("Clients"). */
  label: string;
  testId: string;
  rowTestId: string;
  /** For the select-all checkbox: "Select all clients". */
  plural: string;
  /** For a row's checkbox: "Select Acme". */
  rowName: (row: T) => string;
  first: VirtualColumn<T>;
  builtIn: Record<string, VirtualColumn<T>>;
}) {
  const columns = useMemo(() => {
    const byId: Record<string, VirtualColumn<T>> = { ...builtIn };
    for (const col of customColumns) {
      byId[col.id] = {
        id: col.id,
        width: 150,
        header: col.sort ? <SortButton label={col.label} active={col.sort.active} order={col.sort.order} onSort={col.sort.onSort} /> : col.label,
        sort: col.sort ? ariaSort(col.sort.active, col.sort.order) : undefined,
        cell: col.render,
      };
    }
    return [first, ...columnIds.flatMap((id) => (byId[id] ? [byId[id]] : []))];
  }, [first, builtIn, columnIds, customColumns]);

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = !allSelected && rows.some((r) => selected.has(r.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange?.(next);
  };
  const selectColumn: VirtualColumn<T> = {
    id: "select",
    width: 44,
    className: "pr-0",
    headerClassName: "pr-0",
    header: (
      <Checkbox
        aria-label={allSelected ? `Deselect all ${plural}` : `Select all ${plural}`}
        checked={allSelected}
        ref={(el) => {
          if (el) el.indeterminate = someSelected;
        }}
        onChange={() => onSelectedChange?.(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
      />
    ),
    cell: (r) => <Checkbox aria-label={`Select ${rowName(r)}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />,
  };

  return (
    <VirtualTable
      label={label}
      testId={testId}
      rows={rows}
      rowKey={(r) => r.id}
      columns={onSelectedChange ? [selectColumn, ...columns] : columns}
      rowProps={(r) => ({ "data-testid": rowTestId, "aria-selected": onSelectedChange ? selected.has(r.id) : undefined, className: selected.has(r.id) ? "bg-brand-soft/50" : undefined })}
      onEndReached={onEndReached}
    />
  );
}
