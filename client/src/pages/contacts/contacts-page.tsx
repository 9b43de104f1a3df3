import type { ContactDto } from "@shared/contracts/contacts";
import { Upload, UsersRound } from "lucide-react";
import { Link } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { FilterBar } from "@/components/lists/filter-bar";
import { ExportButton, ListBody, ListNotice, ListToolbar } from "@/components/lists/list-scaffold";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { paths } from "@/config/paths";
import { contactsExportHref, useInfiniteContacts } from "@/features/contacts/api/get-contacts";
import { ContactsBulkActions } from "@/features/contacts/components/contacts-bulk-actions";
import { CONTACT_COLUMNS, type ContactSort, ContactsTable } from "@/features/contacts/components/contacts-table";
import { CustomFieldFilter } from "@/features/custom-fields/components/custom-field-filter";
import { isCustomSort, useCustomColumns } from "@/features/custom-fields/hooks/use-custom-columns";
import { SavedViewsBar } from "@/features/saved-views/components/saved-views-bar";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { canImportEntity } from "@/features/imports/can-import";
import { useUrlFilters } from "@/lib/url-filters";
import { LIST_PAGE_SIZE, useListRows } from "@/lib/use-list-rows";
import { useSortToggle } from "@/lib/use-sort-toggle";

const FILTER_KEYS = ["q", "cf", "sort", "sortKey", "order"] as const;
const nameOf = (c: ContactDto) => c.name;

/** /contacts — everyone you deal with, across clients, with bulk delete and CSV export. */
export function ContactsPage() {
  const me = useCurrentUser();
  const canImport = canImportEntity(me, "contact");
  const { values, setFilters, clear } = useUrlFilters(FILTER_KEYS);

  const customSort = isCustomSort(values);
  const sort: ContactSort | "custom" = customSort ? "custom" : values.sort === "createdAt" ? "createdAt" : "name";
  const order = values.order === "desc" ? "desc" : "asc";
  const columns = useCustomColumns<ContactDto>({ entity: "contact", builtIn: CONTACT_COLUMNS, values, setFilters, sort, order });
  const { layout, cf } = columns;
  const filters = { q: values.q || undefined, cf, sort, sortKey: customSort ? values.sortKey : undefined, order } as const;
  const contacts = useInfiniteContacts({ ...filters, limit: LIST_PAGE_SIZE });
  const list = useListRows(contacts, nameOf);
  const filtering = !!(values.q || cf);
  // Deleting a contact needs clients.write, like the single delete.
  const canDelete = hasPermission(me, "clients.write");
  const onSort = useSortToggle<ContactSort>(setFilters, { sort, order }, () => "asc");

  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people you work with at every client. Add contacts from a client's page."
        actions={
          <>
            {hasPermission(me, "clients.export") ? <ExportButton href={contactsExportHref(filters)} /> : null}
            {canImport ? (
              <Button variant="secondary" asChild>
                <Link href={paths.importNew.href("contact")}>
                  <Upload aria-hidden />
                  Import
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <ListNotice message={list.notice} onDismiss={list.dismissNotice} />
      <SavedViewsBar entityType="contact" noun="contacts" queryKeys={FILTER_KEYS} columns={layout.visibleIds} onApplyColumns={layout.apply} />
      <Card className="min-w-0">
        <FilterBar
          search={{ value: values.q, label: "Search contacts", placeholder: "Search name, email, phone or title" }}
          onChange={setFilters}
          onClear={clear}
          active={filtering}
        />
        <ListToolbar layout={layout}>
          <CustomFieldFilter {...columns.filterProps} />
        </ListToolbar>
        <ContactsBulkActions {...list.bulk} rows={list.rows} canDelete={canDelete} />
        <ListBody
          query={contacts}
          list={list}
          noun={["contact", "contacts"]}
          icon={UsersRound}
          filtering={filtering}
          onClear={clear}
          empty={{
            title: "No contacts yet",
            description: (
              <>
                Open a client in <Link href={paths.clients.href()} className="text-brand hover:underline">Clients</Link> and use “Add contact” on its
                Contacts tab.
              </>
            ),
          }}
        >
          <ContactsTable
            {...list.tableRows}
            {...columns.tableColumns}
            sort={sort}
            order={order}
            onSort={onSort}
            onSelectedChange={canDelete ? list.setSelected : undefined}
          />
        </ListBody>
      </Card>
    </>
  );
}
