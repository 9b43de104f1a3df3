import type { ContactDto } from "@shared/contracts/contacts";
import { Upload, UsersRound, X } from "lucide-react";
import { useCallback, useMemo } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ColumnChooser } from "@/components/ui/column-chooser";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SearchField } from "@/components/ui/search-field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { useInfiniteContacts } from "@/features/contacts/api/get-contacts";
import { CONTACT_COLUMNS, type ContactSort, ContactsTable } from "@/features/contacts/components/contacts-table";
import { CustomFieldFilter, parseCustomFieldFilter } from "@/features/custom-fields/components/custom-field-filter";
import { SavedViewsBar } from "@/features/saved-views/components/saved-views-bar";
import { useCurrentUser } from "@/lib/auth";
import { canImportEntity } from "@/features/imports/can-import";
import { useUrlFilters } from "@/lib/url-filters";
import { useUrlSyncedText } from "@/lib/use-url-synced-text";
import { Link } from "wouter";
import { useCustomColumns } from "../clients/use-custom-columns";

const FILTER_KEYS = ["q", "cf", "sort", "sortKey", "order"] as const;
// Rows per request while scrolling (the table renders only the rows on screen, however many are loaded).
const PAGE_SIZE = 100;

/** /contacts — everyone you deal with, across clients. */
export function ContactsPage() {
  const me = useCurrentUser();
  const canImport = canImportEntity(me, "contact");
  const { values, setFilters, clear } = useUrlFilters(FILTER_KEYS);
  const commitQ = useCallback((q: string) => setFilters({ q }), [setFilters]);
  const [q, setQ] = useUrlSyncedText(values.q, commitQ);

  const customSort = values.sort === "custom" && values.sortKey !== "";
  const sort: ContactSort | "custom" = customSort ? "custom" : values.sort === "createdAt" ? "createdAt" : "name";
  const order = values.order === "desc" ? "desc" : "asc";
  const cf = parseCustomFieldFilter(values.cf).value ? [values.cf] : undefined;
  const contacts = useInfiniteContacts({ q: values.q || undefined, cf, sort, sortKey: customSort ? values.sortKey : undefined, order, limit: PAGE_SIZE });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = contacts;
  const onEndReached = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const onSortCustom = useCallback((key: string, next: "asc" | "desc") => setFilters({ sort: "custom", sortKey: key, order: next }), [setFilters]);
  const columns = useCustomColumns<ContactDto>({ entity: "contact", builtIn: CONTACT_COLUMNS, sort, sortKey: values.sortKey, order, onSortCustom });
  const { layout } = columns;
  const onCfChange = useCallback((next: string) => setFilters({ cf: next }), [setFilters]);
  const filtering = !!(values.q || cf);
  const rows = useMemo(() => contacts.data?.pages.flatMap((p) => p.data) ?? [], [contacts.data]);
  const onSort = useCallback(
    (key: ContactSort) => setFilters({ sort: key, sortKey: "", order: key === sort && order === "asc" ? "desc" : "asc" }),
    [setFilters, sort, order],
  );

  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people you work with at every client. Add contacts from a client's page."
        actions={
          canImport ? (
            <Button variant="secondary" asChild>
              <Link href={paths.importNew.href("contact")}>
                <Upload aria-hidden />
                Import
              </Link>
            </Button>
          ) : undefined
        }
      />
      <SavedViewsBar entityType="contact" noun="contacts" queryKeys={FILTER_KEYS} columns={layout.visibleIds} onApplyColumns={layout.apply} />
      <Card className="min-w-0">
        <div className="flex flex-col gap-2 border-b border-zinc-100 p-4 sm:flex-row sm:items-center">
          <SearchField value={q} onChange={setQ} label="Search contacts" placeholder="Search name, email, phone or title" />
          <CustomFieldFilter definitions={columns.definitions} value={values.cf} onChange={onCfChange} />
          {filtering ? (
            <Button variant="ghost" size="sm" onClick={clear}>
              <X aria-hidden />
              Clear filters
            </Button>
          ) : null}
          <div className="sm:ml-auto">
            <ColumnChooser columns={layout.ordered} hidden={layout.hidden} onToggle={layout.toggle} onMove={layout.move} onReset={layout.reset} />
          </div>
        </div>
        {contacts.isPending ? (
          <SkeletonRows rows={6} />
        ) : rows.length === 0 ? (
          filtering ? (
            <EmptyState
              icon={UsersRound}
              title="No contacts match these filters"
              action={
                <Button variant="secondary" onClick={clear}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={UsersRound}
              title="No contacts yet"
              description={
                <>
                  Open a client in <Link href={paths.clients.href()} className="text-brand hover:underline">Clients</Link> and use
                  “Add contact” on its Contacts tab.
                </>
              }
            />
          )
        ) : (
          <>
            <ContactsTable
              contacts={rows}
              sort={sort}
              order={order}
              onSort={onSort}
              columnIds={layout.visibleIds}
              customColumns={columns.customColumns}
              onEndReached={onEndReached}
            />
            <LoadMore
              hasNextPage={contacts.hasNextPage}
              isFetchingNextPage={contacts.isFetchingNextPage}
              fetchNextPage={onEndReached}
              shown={rows.length}
              noun={rows.length === 1 ? "contact" : "contacts"}
            />
          </>
        )}
      </Card>
    </>
  );
}
