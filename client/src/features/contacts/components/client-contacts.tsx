import { Plus, UsersRound } from "lucide-react";
import { Link } from "wouter";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { useInfiniteContacts } from "../api/get-contacts";
import { ContactActions } from "./contact-actions";
import { ContactFormDialog } from "./contact-form-dialog";
import { PortalAccessBadge, PrimaryContactBadge } from "./portal-access-badge";

/** One client's contacts with add / edit / invite / delete. */
export function ClientContacts({ clientId, canAdd }: { clientId: string; canAdd: boolean }) {
  const contacts = useInfiniteContacts({ clientId, sort: "name", order: "asc" });
  const rows = contacts.data?.pages.flatMap((p) => p.data) ?? [];
  const addButton = canAdd ? (
    <ContactFormDialog
      clientId={clientId}
      trigger={
        <Button size="sm">
          <Plus aria-hidden />
          Add contact
        </Button>
      }
    />
  ) : null;
  return (
    <Card>
      <CardHeader title="Contacts" description="The people you deal with at this client." actions={addButton} />
      {contacts.isPending ? (
        <SkeletonRows rows={3} />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={UsersRound}
          title="No contacts yet"
          description={canAdd ? "Add the people you work with here, then invite them to the client portal." : "Nobody has been added for this client yet."}
        />
      ) : (
        <>
          <ul className="divide-y divide-zinc-100" data-testid="client-contacts">
            {rows.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={paths.contact.href(c.id)} className="font-medium text-zinc-900 hover:text-brand hover:underline">
                      {c.name}
                    </Link>
                    {c.isPrimary ? <PrimaryContactBadge /> : null}
                    <PortalAccessBadge access={c.portalAccess} />
                  </div>
                  <p className="mt-0.5 truncate text-xs text-zinc-500">
                    {[c.title, c.email, c.phone].filter(Boolean).join(" · ") || "No details yet"}
                  </p>
                </div>
                <ContactActions contact={c} />
              </li>
            ))}
          </ul>
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
  );
}
