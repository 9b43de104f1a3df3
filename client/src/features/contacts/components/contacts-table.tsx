import type { ContactDto } from "@shared/contracts/contacts";
import { Link } from "wouter";
import { SortableTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { paths } from "@/config/paths";
import { PortalAccessBadge } from "./portal-access-badge";

export type ContactSort = "name" | "createdAt";

/** Contacts across every client. */
export function ContactsTable({
  contacts,
  sort,
  order,
  onSort,
}: {
  contacts: ContactDto[];
  sort: ContactSort;
  order: "asc" | "desc";
  onSort: (sort: ContactSort) => void;
}) {
  return (
    <Table data-testid="contacts-table">
      <THead>
        <tr>
          <SortableTH label="Name" active={sort === "name"} order={order} onSort={() => onSort("name")} />
          <TH>Client</TH>
          <TH className="hidden md:table-cell">Email</TH>
          <TH className="hidden lg:table-cell">Phone</TH>
          <TH className="hidden sm:table-cell">Portal</TH>
        </tr>
      </THead>
      <TBody>
        {contacts.map((c) => (
          <TR key={c.id} data-testid="contact-row">
            <TD className="max-w-56">
              <Link href={paths.contact.href(c.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
                {c.name}
              </Link>
              <p className="truncate text-xs text-zinc-500">{c.title ?? (c.isPrimary ? "Primary contact" : "—")}</p>
            </TD>
            <TD className="max-w-48">
              <Link href={paths.client.href(c.clientId)} className="block truncate hover:text-brand hover:underline">
                {c.clientName}
              </Link>
            </TD>
            <TD className="hidden max-w-56 truncate md:table-cell">
              {c.email ? (
                <a href={`mailto:${c.email}`} className="hover:text-brand hover:underline">
                  {c.email}
                </a>
              ) : (
                <span className="text-zinc-400">—</span>
              )}
            </TD>
            <TD className="hidden whitespace-nowrap lg:table-cell">{c.phone ?? <span className="text-zinc-400">—</span>}</TD>
            <TD className="hidden sm:table-cell">
              <PortalAccessBadge access={c.portalAccess} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
