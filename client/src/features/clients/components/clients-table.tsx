import type { ClientDto } from "@shared/contracts/clients";
import { useMemo } from "react";
import { Link } from "wouter";
import { ListTable, type ListTableProps, sortableHeader } from "@/components/lists/list-table";
import type { VirtualColumn } from "@/components/ui/virtual-table";
import { paths } from "@/config/paths";
import { formatRelative } from "@/lib/format";
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

/** The client table: sortable headers, a checkbox per row for bulk actions, rows link to the client. */
export function ClientsTable({ sort, order, onSort, ...table }: ListTableProps<ClientDto> & { onSort: (sort: ClientSort) => void }) {
  const { first, builtIn } = useMemo(() => {
    const state = { sort, order, onSort };
    const builtIn: Record<string, VirtualColumn<ClientDto>> = {
      status: { id: "status", header: "Status", width: 110, cell: (c) => <ClientStatusBadge status={c.status} /> },
      owner: { id: "owner", header: "Owner", width: 140, cell: (c) => c.owner?.name ?? <span className="text-zinc-400">Unassigned</span> },
      tags: { id: "tags", header: "Tags", width: 170, cell: (c) => <TagList tags={c.tags} /> },
      retainer: { id: "retainer", header: "Retainer", width: 110, className: "text-right tabular-nums", headerClassName: "text-right", cell: (c) => formatMoney(c.retainer) },
      updatedAt: {
        id: "updatedAt",
        width: 110,
        ...sortableHeader("updatedAt", "Updated", state),
        cell: (c) => <span title={c.updatedAt}>{formatRelative(c.updatedAt)}</span>,
      },
    };
    const first: VirtualColumn<ClientDto> = {
      id: "name",
      ...sortableHeader("name", "Name", state),
      cell: (c) => (
        <>
          <Link href={paths.client.href(c.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
            {c.name}
          </Link>
          <p className="truncate text-xs text-zinc-500">{c.industry ?? "No industry"}</p>
        </>
      ),
    };
    return { first, builtIn };
  }, [sort, order, onSort]);

  return <ListTable {...table} label="Clients" testId="clients-table" rowTestId="client-row" plural="clients" rowName={(c) => c.name} first={first} builtIn={builtIn} />;
}
