import type { DealDto } from "@shared/contracts/deals";
import { useMemo } from "react";
import { Link } from "wouter";
import { Checkbox } from "@/components/ui/input";
import { ariaSort, SortButton } from "@/components/ui/table";
import { type VirtualColumn, VirtualTable } from "@/components/ui/virtual-table";
import { paths } from "@/config/paths";
import { formatDate, formatRelative } from "@/lib/format";
import type { ExtraColumn } from "@/lib/table-columns";
import { DealStatusBadge, formatMinor, isOverdue, OverdueBadge, RottingBadge } from "./deal-format";

export type DealSortKey = "title" | "value" | "expectedCloseDate" | "createdAt" | "updatedAt";

/** Built-in columns that can be hidden and moved (title always shows, first). */
export const DEAL_COLUMNS = [
  { id: "stage", label: "Stage" },
  { id: "status", label: "Status" },
  { id: "party", label: "Client / lead" },
  { id: "owner", label: "Owner" },
  { id: "value", label: "Value" },
  { id: "close", label: "Expected close" },
  { id: "updatedAt", label: "Updated" },
] as const;

/**
 * The deal table (virtualized: only the rows on screen are in the DOM): sortable headers, a
 * checkbox per row for bulk actions, rows link to the deal, columns in the user's order.
 */
export function DealsTable({
  deals,
  sort,
  order,
  onSort,
  selected,
  onSelectedChange,
  columnIds,
  customColumns = [],
  onEndReached,
}: {
  deals: DealDto[];
  /** The active sort; built-in headers show it (a custom column's header shows its own). */
  sort: string;
  order: "asc" | "desc";
  onSort: (sort: DealSortKey) => void;
  selected: ReadonlySet<string>;
  /** Omit when the user has no bulk actions: no checkbox column then. */
  onSelectedChange?: (next: Set<string>) => void;
  /** Visible column ids after the title, in order (built-in ids and custom `cf:<key>` ids). */
  columnIds: readonly string[];
  /** Custom-field columns the page offers (shown when listed in `columnIds`). */
  customColumns?: ExtraColumn<DealDto>[];
  /** Infinite loading: called when the user scrolls near the last loaded row. */
  onEndReached?: () => void;
}) {
  const columns = useMemo(() => {
    const sortable = (key: DealSortKey, label: string) => ({
      header: <SortButton label={label} active={sort === key} order={order} onSort={() => onSort(key)} />,
      sort: ariaSort(sort === key, order),
    });
    const byId: Record<string, VirtualColumn<DealDto>> = {
      stage: {
        id: "stage",
        header: "Stage",
        width: 170,
        cell: (d) => (
          <span className="flex items-center gap-2">
            <span className="truncate">{d.stage.name}</span>
            {d.expectedCloseDate && isOverdue(d) ? <OverdueBadge date={d.expectedCloseDate} /> : null}
            {d.rotting ? <RottingBadge since={d.lastActivityAt} /> : null}
          </span>
        ),
      },
      status: { id: "status", header: "Status", width: 100, cell: (d) => <DealStatusBadge status={d.status} /> },
      party: { id: "party", header: "Client / lead", width: 170, cell: (d) => d.client?.name ?? d.lead?.name ?? "—" },
      owner: { id: "owner", header: "Owner", width: 140, cell: (d) => d.owner?.name ?? <span className="text-zinc-400">Unassigned</span> },
      value: {
        id: "value",
        width: 120,
        className: "text-right tabular-nums",
        headerClassName: "text-right",
        ...sortable("value", "Value"),
        cell: (d) => formatMinor(d.valueMinor, d.currency),
      },
      close: {
        id: "close",
        width: 140,
        ...sortable("expectedCloseDate", "Expected close"),
        cell: (d) => (d.expectedCloseDate ? formatDate(d.expectedCloseDate) : "—"),
      },
      updatedAt: {
        id: "updatedAt",
        width: 110,
        ...sortable("updatedAt", "Updated"),
        cell: (d) => <span title={d.updatedAt}>{formatRelative(d.updatedAt)}</span>,
      },
    };
    for (const col of customColumns) {
      byId[col.id] = {
        id: col.id,
        width: 150,
        header: col.sort ? <SortButton label={col.label} active={col.sort.active} order={col.sort.order} onSort={col.sort.onSort} /> : col.label,
        sort: col.sort ? ariaSort(col.sort.active, col.sort.order) : undefined,
        cell: col.render,
      };
    }
    const title: VirtualColumn<DealDto> = {
      id: "title",
      ...sortable("title", "Deal"),
      cell: (d) => (
        <>
          <Link href={paths.deal.href(d.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
            {d.title}
          </Link>
          <p className="truncate text-xs text-zinc-500">{d.pipeline.name}</p>
        </>
      ),
    };
    return [title, ...columnIds.flatMap((id) => (byId[id] ? [byId[id]] : []))];
  }, [columnIds, customColumns, sort, order, onSort]);

  const allSelected = deals.length > 0 && deals.every((d) => selected.has(d.id));
  const someSelected = !allSelected && deals.some((d) => selected.has(d.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange?.(next);
  };
  const selectColumn: VirtualColumn<DealDto> = {
    id: "select",
    width: 44,
    className: "pr-0",
    headerClassName: "pr-0",
    header: (
      <Checkbox
        aria-label={allSelected ? "Deselect all deals" : "Select all deals"}
        checked={allSelected}
        ref={(el) => {
          if (el) el.indeterminate = someSelected;
        }}
        onChange={() => onSelectedChange?.(allSelected ? new Set() : new Set(deals.map((d) => d.id)))}
      />
    ),
    cell: (d) => <Checkbox aria-label={`Select ${d.title}`} checked={selected.has(d.id)} onChange={() => toggle(d.id)} />,
  };

  return (
    <VirtualTable
      label="Deals"
      testId="deals-table"
      rows={deals}
      rowKey={(d) => d.id}
      columns={onSelectedChange ? [selectColumn, ...columns] : columns}
      rowProps={(d) => ({ "data-testid": "deal-row", "aria-selected": selected.has(d.id), className: selected.has(d.id) ? "bg-brand-soft/50" : undefined })}
      onEndReached={onEndReached}
    />
  );
}
