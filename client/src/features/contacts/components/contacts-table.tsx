import type { ContactDto } from "@shared/contracts/contacts";
import { Link } from "wouter";
import { SortableTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { paths } from "@/config/paths";
import type { ExtraColumn } from "@/lib/table-columns";
import { PortalAccessBadge } from "./portal-access-badge";

export type ContactSort = "name" | "createdAt";

/** Built-in columns that can be hidden (name always shows). */
export const CONTACT_COLUMNS = [
  { id: "client", label: "Client" },
  { id: "email", label: "Email" },
  { id: "phone", label: "Phone" },
  { id: "portal", label: "Portal" },
] as const;

/** Contacts across every client. */
export function ContactsTable({
  contacts,
  sort,
  order,
  onSort,
  hidden = new Set(),
  extraColumns = [],
}: {
  contacts: ContactDto[];
  sort: string;
  order: "asc" | "desc";
  onSort: (sort: ContactSort) => void;
  /** Built-in column ids to leave out. */
  hidden?: ReadonlySet<string>;
  /** Columns the page adds after the built-in ones (custom fields). */
  extraColumns?: ExtraColumn<ContactDto>[];
}) {
  const show = (id: string) => !hidden.has(id);
  return (
    <Table data-testid="contacts-table">
      <THead>
        <tr>
          <SortableTH label="Name" active={sort === "name"} order={order} onSort={() => onSort("name")} />
          {show("client") ? <TH>Client</TH> : null}
          {show("email") ? <TH className="hidden md:table-cell">Email</TH> : null}
          {show("phone") ? <TH className="hidden lg:table-cell">Phone</TH> : null}
          {show("portal") ? <TH className="hidden sm:table-cell">Portal</TH> : null}
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
        {contacts.map((c) => (
          <TR key={c.id} data-testid="contact-row">
            <TD className="max-w-56">
              <Link href={paths.contact.href(c.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
                {c.name}
              </Link>
              <p className="truncate text-xs text-zinc-500">{c.title ?? (c.isPrimary ? "Primary contact" : "—")}</p>
            </TD>
            {show("client") ? (
              <TD className="max-w-48">
                <Link href={paths.client.href(c.clientId)} className="block truncate hover:text-brand hover:underline">
                  {c.clientName}
                </Link>
              </TD>
            ) : null}
            {show("email") ? (
            <TD className="hidden max-w-56 truncate md:table-cell">
              {c.email ? (
                <a href={`mailto:${c.email}`} className="hover:text-brand hover:underline">
                  {c.email}
                </a>
              ) : (
                <span className="text-zinc-400">—</span>
              )}
            </TD>
            ) : null}
            {show("phone") ? <TD className="hidden whitespace-nowrap lg:table-cell">{c.phone ?? <span className="text-zinc-400">—</span>}</TD> : null}
            {show("portal") ? (
              <TD className="hidden sm:table-cell">
                <PortalAccessBadge access={c.portalAccess} />
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
