import type { ClientDto } from "@shared/contracts/clients";
import { Link } from "wouter";
import { Checkbox } from "@/components/ui/input";
import { SortableTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { paths } from "@/config/paths";
import { formatRelative } from "@/lib/format";
import type { ExtraColumn } from "@/lib/table-columns";
import { ClientStatusBadge, formatMoney, TagList } from "./client-badges";

export type ClientSort = "name" | "createdAt" | "updatedAt";

/** Built-in columns that can be hidden (name always shows). */
export const CLIENT_COLUMNS = [
  { id: "status", label: "Status" },
  { id: "owner", label: "Owner" },
  { id: "tags", label: "Tags" },
  { id: "retainer", label: "Retainer" },
  { id: "updatedAt", label: "Updated" },
] as const;

/** The client table: sortable headers, a checkbox per row for bulk actions, rows link to the client. */
export function ClientsTable({
  clients,
  sort,
  order,
  onSort,
  selected,
  onSelectedChange,
  hidden = new Set(),
  extraColumns = [],
}: {
  clients: ClientDto[];
  /** The active sort; built-in headers show it (a custom column's header shows its own). */
  sort: string;
  order: "asc" | "desc";
  onSort: (sort: ClientSort) => void;
  selected: ReadonlySet<string>;
  /** Omit when the user has no bulk actions: no checkbox column then. */
  onSelectedChange?: (next: Set<string>) => void;
  /** Built-in column ids to leave out. */
  hidden?: ReadonlySet<string>;
  /** Columns the page adds after the built-in ones (custom fields). */
  extraColumns?: ExtraColumn<ClientDto>[];
}) {
  const show = (id: string) => !hidden.has(id);
  const selectable = !!onSelectedChange;
  const th = (key: ClientSort, label: string, className?: string) => (
    <SortableTH label={label} active={sort === key} order={order} onSort={() => onSort(key)} className={className} />
  );
  const allSelected = clients.length > 0 && clients.every((c) => selected.has(c.id));
  const someSelected = !allSelected && clients.some((c) => selected.has(c.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange?.(next);
  };
  return (
    <Table data-testid="clients-table">
      <THead>
        <tr>
          {selectable ? (
          <TH className="w-10 pr-0">
            <Checkbox
              aria-label={allSelected ? "Deselect all clients" : "Select all clients"}
              checked={allSelected}
              ref={(el) => {
                if (el) el.indeterminate = someSelected;
              }}
              onChange={() => onSelectedChange?.(allSelected ? new Set() : new Set(clients.map((c) => c.id)))}
            />
          </TH>
          ) : null}
          {th("name", "Name")}
          {show("status") ? <TH>Status</TH> : null}
          {show("owner") ? <TH className="hidden md:table-cell">Owner</TH> : null}
          {show("tags") ? <TH className="hidden lg:table-cell">Tags</TH> : null}
          {show("retainer") ? <TH className="text-right">Retainer</TH> : null}
          {show("updatedAt") ? th("updatedAt", "Updated", "hidden sm:table-cell") : null}
          {extraColumns.map((col) =>
            col.sort ? (
              <SortableTH key={col.id} label={col.label} active={col.sort.active} order={col.sort.order} onSort={col.sort.onSort} />
            ) : (
              <TH key={col.id}>{col.label}</TH>
            ),
          )}
        </tr>
      </THead>
      <TBody>
        {clients.map((c) => (
          <TR key={c.id} data-testid="client-row" aria-selected={selected.has(c.id)} className={selected.has(c.id) ? "bg-brand-soft/50" : undefined}>
            {selectable ? (
              <TD className="w-10 pr-0">
                <Checkbox aria-label={`Select ${c.name}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
              </TD>
            ) : null}
            <TD className="max-w-48 sm:max-w-72">
              <Link href={paths.client.href(c.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
                {c.name}
              </Link>
              <p className="truncate text-xs text-zinc-500">{c.industry ?? "No industry"}</p>
            </TD>
            {show("status") ? (
              <TD>
                <ClientStatusBadge status={c.status} />
              </TD>
            ) : null}
            {show("owner") ? (
              <TD className="hidden whitespace-nowrap md:table-cell">{c.owner?.name ?? <span className="text-zinc-400">Unassigned</span>}</TD>
            ) : null}
            {show("tags") ? (
              <TD className="hidden lg:table-cell">
                <TagList tags={c.tags} />
              </TD>
            ) : null}
            {show("retainer") ? <TD className="text-right whitespace-nowrap tabular-nums">{formatMoney(c.retainer)}</TD> : null}
            {show("updatedAt") ? (
              <TD className="hidden whitespace-nowrap sm:table-cell" title={c.updatedAt}>
                {formatRelative(c.updatedAt)}
              </TD>
            ) : null}
            {extraColumns.map((col) => (
              <TD key={col.id} className="max-w-48 truncate whitespace-nowrap">
                {col.render(c)}
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
