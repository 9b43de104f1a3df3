import type { ContactDto } from "@shared/contracts/contacts";
import { useMemo } from "react";
import { Link } from "wouter";
import { ariaSort, SortButton } from "@/components/ui/table";
import { type VirtualColumn, VirtualTable } from "@/components/ui/virtual-table";
import { paths } from "@/config/paths";
import type { ExtraColumn } from "@/lib/table-columns";
import { PortalAccessBadge } from "./portal-access-badge";

export type ContactSort = "name" | "createdAt";

/** Built-in columns that can be hidden and moved (name always shows, first). */
export const CONTACT_COLUMNS = [
  { id: "client", label: "Client" },
  { id: "email", label: "Email" },
  { id: "phone", label: "Phone" },
  { id: "portal", label: "Portal" },
] as const;

const dash = <span className="text-zinc-400">—</span>;

/** Contacts across every client (virtualized: only the rows on screen are in the DOM). */
export function ContactsTable({
  contacts,
  sort,
  order,
  onSort,
  columnIds,
  customColumns = [],
  onEndReached,
}: {
  contacts: ContactDto[];
  sort: string;
  order: "asc" | "desc";
  onSort: (sort: ContactSort) => void;
  /** Visible column ids after the name, in order (built-in ids and custom `cf:<key>` ids). */
  columnIds: readonly string[];
  /** Custom-field columns the page offers (shown when listed in `columnIds`). */
  customColumns?: ExtraColumn<ContactDto>[];
  /** Infinite loading: called when the user scrolls near the last loaded row. */
  onEndReached?: () => void;
}) {
  const columns = useMemo(() => {
    const byId: Record<string, VirtualColumn<ContactDto>> = {
      client: {
        id: "client",
        header: "Client",
        width: 180,
        cell: (c) => (
          <Link href={paths.client.href(c.clientId)} className="block truncate hover:text-brand hover:underline">
            {c.clientName}
          </Link>
        ),
      },
      email: {
        id: "email",
        header: "Email",
        width: 220,
        cell: (c) =>
          c.email ? (
            <a href={`mailto:${c.email}`} className="hover:text-brand hover:underline">
              {c.email}
            </a>
          ) : (
            dash
          ),
      },
      phone: { id: "phone", header: "Phone", width: 160, cell: (c) => c.phone ?? dash },
      portal: { id: "portal", header: "Portal", width: 160, cell: (c) => <PortalAccessBadge access={c.portalAccess} /> },
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
    const name: VirtualColumn<ContactDto> = {
      id: "name",
      header: <SortButton label="Name" active={sort === "name"} order={order} onSort={() => onSort("name")} />,
      sort: ariaSort(sort === "name", order),
      cell: (c) => (
        <>
          <Link href={paths.contact.href(c.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
            {c.name}
          </Link>
          <p className="truncate text-xs text-zinc-500">{c.title ?? (c.isPrimary ? "Primary contact" : "—")}</p>
        </>
      ),
    };
    return [name, ...columnIds.flatMap((id) => (byId[id] ? [byId[id]] : []))];
  }, [columnIds, customColumns, sort, order, onSort]);

  return (
    <VirtualTable
      label="Contacts"
      testId="contacts-table"
      rows={contacts}
      rowKey={(c) => c.id}
      columns={columns}
      rowProps={() => ({ "data-testid": "contact-row" })}
      onEndReached={onEndReached}
    />
  );
}
