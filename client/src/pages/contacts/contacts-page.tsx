import type { ContactDto } from "@shared/contracts/contacts";
import { UsersRound } from "lucide-react";
import { Link } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { FilterBar } from "@/components/lists/filter-bar";
import { ExportButton } from "@/components/lists/list-scaffold";
import { paths } from "@/config/paths";
import { contactsExportHref, useInfiniteContacts } from "@/features/contacts/api/get-contacts";
import { ContactsBulkActions } from "@/features/contacts/components/contacts-bulk-actions";
import { CONTACT_COLUMNS, type ContactSort, ContactsTable } from "@/features/contacts/components/contacts-table";
import { ImportButton } from "@/features/imports/components/import-button";
import { ListPage } from "@/features/lists/components/list-page";
import { pickSort, useListPage } from "@/features/lists/hooks/use-list-page";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { LIST_PAGE_SIZE, useListRows } from "@/lib/use-list-rows";

const FILTER_KEYS = ["q", "cf", "sort", "sortKey", "order"] as const;
const SORTS: ContactSort[] = ["name", "createdAt"];
const nameOf = (c: ContactDto) => c.name;

/** /contacts — everyone you deal with, across clients, with bulk delete and CSV export. */
export function ContactsPage() {
  const me = useCurrentUser();
  const page = useListPage({
    entity: "contact",
    keys: FILTER_KEYS,
    builtIn: CONTACT_COLUMNS,
    sortOf: (v) => pickSort(SORTS, v.sort, "name"),
    defaultOrder: () => "asc",
    firstOrder: (_key: ContactSort) => "asc",
  });
  const filters = { q: page.values.q || undefined, cf: page.cf, sort: page.sort, sortKey: page.sortKey, order: page.order } as const;
  const contacts = useInfiniteContacts({ ...filters, limit: LIST_PAGE_SIZE });
  const list = useListRows(contacts, nameOf);
  // Deleting a contact needs clients.write, like the single delete.
  const canDelete = hasPermission(me, "clients.write");

  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people you work with at every client. Add contacts from a client's page."
        actions={
          <>
            {hasPermission(me, "clients.export") ? <ExportButton href={contactsExportHref(filters)} /> : null}
            <ImportButton entity="contact" />
          </>
        }
      />
      <ListPage
        page={page}
        query={contacts}
        list={list}
        noun={["contact", "contacts"]}
        icon={UsersRound}
        filters={<FilterBar {...page.filterBar} search={{ value: page.values.q, label: "Search contacts", placeholder: "Search name, email, phone or title" }} />}
        bulk={<ContactsBulkActions {...list.bulk} rows={list.rows} canDelete={canDelete} />}
        empty={{
          title: "No contacts yet",
          description: (
            <>
              Open a client in <Link href={paths.clients.href()} className="text-brand hover:underline">Clients</Link> and use “Add contact” on its
              Contacts tab.
            </>
          ),
        }}
        table={ContactsTable}
        selectable={canDelete}
      />
    </>
  );
}
