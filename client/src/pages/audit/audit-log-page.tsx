import { ScrollText, X } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useInfiniteAuditLog } from "@/features/audit/api/get-audit-log";
import { AuditFilters, dayToIso } from "@/features/audit/components/audit-filters";
import { AuditTable } from "@/features/audit/components/audit-table";
import { useUsersFirstPage } from "@/features/users/api/get-users";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { useUrlFilters } from "@/lib/url-filters";

const FILTER_KEYS = ["action", "entityType", "entityId", "actorId", "from", "to"] as const;

/** /audit-log — every recorded change, newest first, filterable. */
export function AuditLogPage() {
  const me = useCurrentUser();
  const { values, setFilters, clear, active } = useUrlFilters(FILTER_KEYS);
  const canListUsers = hasPermission(me, "users.read");
  const users = useUsersFirstPage({ limit: 200, sort: "name", order: "asc" }, { enabled: canListUsers });
  const actors = canListUsers ? (users.data?.data.filter((u) => u.role !== "client").map((u) => ({ id: u.id, name: u.name })) ?? []) : null;

  const audit = useInfiniteAuditLog({
    action: values.action || undefined,
    entityType: values.entityType || undefined,
    entityId: values.entityId || undefined,
    actorId: values.actorId || undefined,
    from: dayToIso(values.from),
    to: dayToIso(values.to, true),
  });
  const entries = audit.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader title="Audit log" description="Sign-ins and changes across the workspace. Click a row's arrow to see what changed." />
      <Card>
        <AuditFilters values={values} onChange={setFilters} onClear={clear} active={active} actors={actors} />
        {values.entityId ? (
          <div className="flex items-center gap-2 border-b border-zinc-100 px-4 py-2 text-xs text-zinc-600">
            Showing entries for one record
            <Badge className="font-mono">{values.entityId.slice(0, 8)}</Badge>
            <Button variant="ghost" size="sm" onClick={() => setFilters({ entityId: "" })}>
              <X aria-hidden />
              Show all records
            </Button>
          </div>
        ) : null}
        {audit.isPending ? (
          <SkeletonRows rows={8} />
        ) : entries.length === 0 ? (
          active ? (
            <EmptyState
              icon={ScrollText}
              title="No entries match these filters"
              description="Widen the date range or clear the filters."
              action={
                <Button variant="secondary" onClick={clear}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState icon={ScrollText} title="Nothing recorded yet" description="Sign-ins and changes will appear here as they happen." />
          )
        ) : (
          <>
            <AuditTable entries={entries} />
            <LoadMore
              hasNextPage={audit.hasNextPage}
              isFetchingNextPage={audit.isFetchingNextPage}
              fetchNextPage={() => audit.fetchNextPage()}
              shown={entries.length}
              noun={entries.length === 1 ? "entry" : "entries"}
            />
          </>
        )}
      </Card>
    </>
  );
}
