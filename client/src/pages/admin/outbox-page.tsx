import { Inbox, RefreshCw, Search } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useInfiniteOutbox } from "@/features/admin/api/get-outbox";
import { OutboxList } from "@/features/admin/components/outbox-list";
import { OutboxMessage } from "@/features/admin/components/outbox-message";
import { useUrlFilters } from "@/lib/url-filters";

const FILTER_KEYS = ["to", "id"] as const;

/** /admin/outbox — captured outgoing email; pick one to read it and follow its links. */
export function OutboxPage() {
  const { values, setFilters } = useUrlFilters(FILTER_KEYS);
  const outbox = useInfiniteOutbox({ to: values.to || undefined });
  const messages = outbox.data?.pages.flatMap((p) => p.data) ?? [];
  const selected = messages.find((m) => m.id === values.id) ?? null;

  return (
    <>
      <PageHeader
        title="Email outbox"
        description="Every email the app sent or captured. In demo mode, invitation and reset links can be opened from here."
        actions={
          <Button variant="secondary" onClick={() => outbox.refetch()} loading={outbox.isRefetching}>
            {outbox.isRefetching ? null : <RefreshCw aria-hidden />}
            Refresh
          </Button>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <Card className="self-start overflow-hidden">
          <form
            className="relative border-b border-zinc-100 p-3"
            onSubmit={(e) => {
              e.preventDefault();
              const to = new FormData(e.currentTarget).get("to");
              setFilters({ to: typeof to === "string" ? to.trim() : "", id: "" });
            }}
          >
            <Search className="pointer-events-none absolute top-1/2 left-6 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
            <Input name="to" type="search" defaultValue={values.to} key={values.to} placeholder="Filter by recipient, then Enter" aria-label="Recipient" className="pl-9" />
          </form>
          {outbox.isPending ? (
            <SkeletonRows rows={6} />
          ) : messages.length === 0 ? (
            <EmptyState
              icon={Inbox}
              title={values.to ? "No email to that recipient" : "No email yet"}
              description={values.to ? "Check the address, or clear the filter." : "Invite a user or reset a password and the email shows up here."}
              action={
                values.to ? (
                  <Button variant="secondary" onClick={() => setFilters({ to: "", id: "" })}>
                    Clear filter
                  </Button>
                ) : null
              }
            />
          ) : (
            <>
              <OutboxList messages={messages} selectedId={selected?.id ?? null} onSelect={(id) => setFilters({ id })} />
              <LoadMore
                hasNextPage={outbox.hasNextPage}
                isFetchingNextPage={outbox.isFetchingNextPage}
                fetchNextPage={() => outbox.fetchNextPage()}
                shown={messages.length}
                noun={messages.length === 1 ? "email" : "emails"}
              />
            </>
          )}
        </Card>
        <div className="min-w-0">
          {selected ? (
            <OutboxMessage message={selected} />
          ) : (
            <Card className="hidden lg:block">
              <EmptyState icon={Inbox} title="Select an email to read it" description="Links in the message are shown so you can open or copy them." />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
