import type { ContactDto } from "@shared/contracts/contacts";
import { useMemo } from "react";
import { Link } from "wouter";
import { ListTable, type ListTableProps, sortableHeader } from "@/components/lists/list-table";
import type { VirtualColumn } from "@/components/ui/virtual-table";
import { paths } from "@/config/paths";
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

/** Contacts across every client: sortable name, rows link to the contact, selectable for bulk delete when `onSelectedChange` is given. */
export function ContactsTable({ sort, order, onSort, ...table }: ListTableProps<ContactDto> & { onSort: (sort: ContactSort) => void }) {
  const { first, builtIn } = useMemo(() => {
    const builtIn: Record<string, VirtualColumn<ContactDto>> = {
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
    const first: VirtualColumn<ContactDto> = {
      id: "name",
      ...sortableHeader("name", "Name", { sort, order, onSort }),
      cell: (c) => (
        <>
          <Link href={paths.contact.href(c.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
            {c.name}
          </Link>
          <p className="truncate text-xs text-zinc-500">{c.title ?? (c.isPrimary ? "Primary contact" : "—")}</p>
        </>
      ),
    };
    return { first, builtIn };
  }, [sort, order, onSort]);

  return <ListTable {...table} label="Contacts" testId="contacts-table" rowTestId="contact-row" plural="contacts" rowName={(c) => c.name} first={first} builtIn={builtIn} />;
}
