import { Search, UsersRound, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { useInfiniteContacts } from "@/features/contacts/api/get-contacts";
import { type ContactSort, ContactsTable } from "@/features/contacts/components/contacts-table";
import { useUrlFilters } from "@/lib/url-filters";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { Link } from "wouter";

const FILTER_KEYS = ["q", "sort", "order"] as const;

/** /contacts — everyone you deal with, across clients. */
export function ContactsPage() {
  const { values, setFilters, clear } = useUrlFilters(FILTER_KEYS);
  const [q, setQ] = useState(values.q);
  const debounced = useDebouncedValue(q, 300);
  const synced = useRef(values.q);
  useEffect(() => {
    if (debounced === synced.current) return;
    synced.current = debounced;
    setFilters({ q: debounced });
  }, [debounced, setFilters]);
  useEffect(() => {
    if (values.q === synced.current) return;
    synced.current = values.q;
    setQ(values.q);
  }, [values.q]);

  const sort: ContactSort = values.sort === "createdAt" ? "createdAt" : "name";
  const order = values.order === "desc" ? "desc" : "asc";
  const contacts = useInfiniteContacts({ q: values.q || undefined, sort, order });
  const rows = contacts.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader title="Contacts" description="The people you work with at every client. Add contacts from a client's page." />
      <Card className="min-w-0">
        <div className="flex flex-col gap-2 border-b border-zinc-100 p-4 sm:flex-row sm:items-center">
          <div className="relative flex-1">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
            <Input
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder="Search name, email, phone or title"
              aria-label="Search contacts"
              className="pl-9"
            />
          </div>
          {values.q ? (
            <Button variant="ghost" size="sm" onClick={clear}>
              <X aria-hidden />
              Clear search
            </Button>
          ) : null}
        </div>
        {contacts.isPending ? (
          <SkeletonRows rows={6} />
        ) : rows.length === 0 ? (
          values.q ? (
            <EmptyState
              icon={UsersRound}
              title="No contacts match this search"
              action={
                <Button variant="secondary" onClick={clear}>
                  Clear search
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
              onSort={(key) => setFilters({ sort: key, order: key === sort && order === "asc" ? "desc" : "asc" })}
            />
            <LoadMore
              hasNextPage={contacts.hasNextPage}
              isFetchingNextPage={contacts.isFetchingNextPage}
              fetchNextPage={() => contacts.fetchNextPage()}
              shown={rows.length}
              noun={rows.length === 1 ? "contact" : "contacts"}
            />
          </>
        )}
      </Card>
    </>
  );
}
