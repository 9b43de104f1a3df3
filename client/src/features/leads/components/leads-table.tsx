import type { LeadDto } from "@shared/contracts/leads";
import { useMemo } from "react";
import { Link } from "wouter";
import { Checkbox } from "@/components/ui/input";
import { ariaSort, SortButton } from "@/components/ui/table";
import { type VirtualColumn, VirtualTable } from "@/components/ui/virtual-table";
import { paths } from "@/config/paths";
import { formatRelative } from "@/lib/format";
import type { ExtraColumn } from "@/lib/table-columns";
import { LEAD_SOURCE_LABELS, LeadScore, LeadStatusBadge, LeadTags } from "./lead-badges";

export type LeadSort = "name" | "createdAt" | "updatedAt" | "score" | "relevance";

/** Built-in columns that can be hidden and moved (name always shows, first). */
export const LEAD_COLUMNS = [
  { id: "status", label: "Status" },
  { id: "score", label: "Score" },
  { id: "owner", label: "Owner" },
  { id: "source", label: "Source" },
  { id: "tags", label: "Tags" },
  { id: "createdAt", label: "Created" },
] as const;

/**
 * The lead table (virtualized: only the rows on screen are in the DOM): sortable headers, a
 * checkbox per row for bulk actions, rows link to the lead, columns in the user's order.
 */
export function LeadsTable({
  leads,
  sort,
  order,
  onSort,
  selected,
  onSelectedChange,
  columnIds,
  customColumns = [],
  onEndReached,
}: {
  leads: LeadDto[];
  /** The active sort; built-in headers show it (a custom column's header shows its own). */
  sort: string;
  order: "asc" | "desc";
  onSort: (sort: LeadSort) => void;
  selected: ReadonlySet<string>;
  /** Omit when the user has no bulk actions: no checkbox column then. */
  onSelectedChange?: (next: Set<string>) => void;
  /** Visible column ids after the name, in order (built-in ids and custom `cf:<key>` ids). */
  columnIds: readonly string[];
  /** Custom-field columns the page offers (shown when listed in `columnIds`). */
  customColumns?: ExtraColumn<LeadDto>[];
  /** Infinite loading: called when the user scrolls near the last loaded row. */
  onEndReached?: () => void;
}) {
  const columns = useMemo(() => {
    const sortable = (key: LeadSort, label: string) => ({
      header: <SortButton label={label} active={sort === key} order={order} onSort={() => onSort(key)} />,
      sort: ariaSort(sort === key, order),
    });
    const byId: Record<string, VirtualColumn<LeadDto>> = {
      status: { id: "status", header: "Status", width: 120, cell: (l) => <LeadStatusBadge status={l.status} /> },
      score: { id: "score", width: 124, ...sortable("score", "Score"), cell: (l) => <LeadScore score={l.score} /> },
      owner: {
        id: "owner",
        header: "Owner",
        width: 150,
        cell: (l) => <span data-testid="lead-owner">{l.owner?.name ?? <span className="text-zinc-400">Unassigned</span>}</span>,
      },
      source: {
        id: "source",
        header: "Source",
        width: 130,
        cell: (l) => <span title={l.sourceDetail ?? undefined}>{LEAD_SOURCE_LABELS[l.source]}</span>,
      },
      tags: { id: "tags", header: "Tags", width: 170, cell: (l) => <LeadTags tags={l.tags} /> },
      createdAt: {
        id: "createdAt",
        width: 120,
        ...sortable("createdAt", "Created"),
        cell: (l) => <span title={l.createdAt}>{formatRelative(l.createdAt)}</span>,
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
    const name: VirtualColumn<LeadDto> = {
      id: "name",
      ...sortable("name", "Name"),
      cell: (l) => (
        <>
          <Link href={paths.lead.href(l.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
            {l.name}
          </Link>
          <p className="truncate text-xs text-zinc-500">{[l.company, l.email].filter(Boolean).join(" · ") || "No company"}</p>
        </>
      ),
    };
    return [name, ...columnIds.flatMap((id) => (byId[id] ? [byId[id]] : []))];
  }, [columnIds, customColumns, sort, order, onSort]);

  const selectable = !!onSelectedChange;
  const allSelected = leads.length > 0 && leads.every((l) => selected.has(l.id));
  const someSelected = !allSelected && leads.some((l) => selected.has(l.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange?.(next);
  };
  const selectColumn: VirtualColumn<LeadDto> = {
    id: "select",
    width: 44,
    className: "pr-0",
    headerClassName: "pr-0",
    header: (
      <Checkbox
        aria-label={allSelected ? "Deselect all leads" : "Select all leads"}
        checked={allSelected}
        ref={(el) => {
          if (el) el.indeterminate = someSelected;
        }}
        onChange={() => onSelectedChange?.(allSelected ? new Set() : new Set(leads.map((l) => l.id)))}
      />
    ),
    cell: (l) => <Checkbox aria-label={`Select ${l.name}`} checked={selected.has(l.id)} onChange={() => toggle(l.id)} />,
  };

  return (
    <VirtualTable
      label="Leads"
      testId="leads-table"
      rows={leads}
      rowKey={(l) => l.id}
      columns={selectable ? [selectColumn, ...columns] : columns}
      rowProps={(l) => ({ "data-testid": "lead-row", "aria-selected": selected.has(l.id), className: selected.has(l.id) ? "bg-brand-soft/50" : undefined })}
      onEndReached={onEndReached}
    />
  );
}
