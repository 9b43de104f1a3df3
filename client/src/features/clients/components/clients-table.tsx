import type { ClientDto } from "@shared/contracts/clients";
import { useMemo } from "react";
import { Link } from "wouter";
import { Checkbox } from "@/components/ui/input";
import { ariaSort, SortButton } from "@/components/ui/table";
import { type VirtualColumn, VirtualTable } from "@/components/ui/virtual-table";
import { paths } from "@/config/paths";
import { formatRelative } from "@/lib/format";
import type { ExtraColumn } from "@/lib/table-columns";
import { ClientStatusBadge, formatMoney, TagList } from "./client-badges";

export type ClientSort = "name" | "createdAt" | "updatedAt";

/** Built-in columns that can be hidden and moved (name always shows, first). */
export const CLIENT_COLUMNS = [
  { id: "status", label: "Status" },
  { id: "owner", label: "Owner" },
  { id: "tags", label: "Tags" },
  { id: "retainer", label: "Retainer" },
  { id: "updatedAt", label: "Updated" },
] as const;

/**
 * The client table (virtualized: only the rows on screen are in the DOM): sortable headers, a
 * checkbox per row for bulk actions, rows link to the client, columns in the user's order.
 */
export function ClientsTable({
  clients,
  sort,
  order,
  onSort,
  selected,
  onSelectedChange,
  columnIds,
  customColumns = [],
  onEndReached,
}: {
  clients: ClientDto[];
  /** The active sort; built-in headers show it (a custom column's header shows its own). */
  sort: string;
  order: "asc" | "desc";
  onSort: (sort: ClientSort) => void;
  selected: ReadonlySet<string>;
  /** Omit when the user has no bulk actions: no checkbox column then. */
  onSelectedChange?: (next: Set<string>) => void;
  /** Visible column ids after the name, in order (built-in ids and custom `cf:<key>` ids). */
  columnIds: readonly string[];
  /** Custom-field columns the page offers (shown when listed in `columnIds`). */
  customColumns?: ExtraColumn<ClientDto>[];
  /** Infinite loading: called when the user scrolls near the last loaded row. */
  onEndReached?: () => void;
}) {
  const columns = useMemo(() => {
    const sortable = (key: ClientSort, label: string) => ({
      header: <SortButton label={label} active={sort === key} order={order} onSort={() => onSort(key)} />,
      sort: ariaSort(sort === key, order),
    });
    const builtIn: Record<string, VirtualColumn<ClientDto>> = {
      status: { id: "status", header: "Status", width: 110, cell: (c) => <ClientStatusBadge status={c.status} /> },
      owner: { id: "owner", header: "Owner", width: 140, cell: (c) => c.owner?.name ?? <span className="text-zinc-400">Unassigned</span> },
      tags: { id: "tags", header: "Tags", width: 170, cell: (c) => <TagList tags={c.tags} /> },
      retainer: { id: "retainer", header: "Retainer", width: 110, className: "text-right tabular-nums", headerClassName: "text-right", cell: (c) => formatMoney(c.retainer) },
      updatedAt: {
        id: "updatedAt",
        width: 110,
        ...sortable("updatedAt", "Updated"),
        cell: (c) => <span title={c.updatedAt}>{formatRelative(c.updatedAt)}</span>,
      },
    };
    for (const col of customColumns) {
      builtIn[col.id] = {
        id: col.id,
        width: 150,
        header: col.sort ? <SortButton label={col.label} active={col.sort.active} order={col.sort.order} onSort={col.sort.onSort} /> : col.label,
        sort: col.sort ? ariaSort(col.sort.active, col.sort.order) : undefined,
        cell: col.render,
      };
    }
    const name: VirtualColumn<ClientDto> = {
      id: "name",
      ...sortable("name", "Name"),
      cell: (c) => (
        <>
          <Link href={paths.client.href(c.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
            {c.name}
          </Link>
          <p className="truncate text-xs text-zinc-500">{c.industry ?? "No industry"}</p>
        </>
      ),
    };
    return [name, ...columnIds.flatMap((id) => (builtIn[id] ? [builtIn[id]] : []))];
  }, [columnIds, customColumns, sort, order, onSort]);

  const selectable = !!onSelectedChange;
  const allSelected = clients.length > 0 && clients.every((c) => selected.has(c.id));
  const someSelected = !allSelected && clients.some((c) => selected.has(c.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange?.(next);
  };
  const selectColumn: VirtualColumn<ClientDto> = {
    id: "select",
    width: 44,
    className: "pr-0",
    headerClassName: "pr-0",
    header: (
      <Checkbox
        aria-label={allSelected ? "Deselect all clients" : "Select all loaded clients"}
        checked={allSelected}
        ref={(el) => {
          if (el) el.indeterminate = someSelected;
        }}
        onChange={() => onSelectedChange?.(allSelected ? new Set() : new Set(clients.map((c) => c.id)))}
      />
    ),
    cell: (c) => <Checkbox aria-label={`Select ${c.name}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />,
  };

  return (
    <VirtualTable
      label="Clients"
      testId="clients-table"
      rows={clients}
      rowKey={(c) => c.id}
      columns={selectable ? [selectColumn, ...columns] : columns}
      rowProps={(c) => ({ "data-testid": "client-row", "aria-selected": selected.has(c.id), className: selected.has(c.id) ? "bg-brand-soft/50" : undefined })}
      onEndReached={onEndReached}
    />
  );
}
