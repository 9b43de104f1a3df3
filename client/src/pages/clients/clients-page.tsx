import { CLIENT_SORTS, type ClientDto, type ClientStatus } from "@shared/contracts/clients";
import { Briefcase, Download, Upload } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { Link, useLocation } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ColumnChooser } from "@/components/ui/column-chooser";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { clientsExportHref, useInfiniteClients } from "@/features/clients/api/get-clients";
import { BulkActionsBar } from "@/features/clients/components/bulk-actions-bar";
import { ClientsFilters } from "@/features/clients/components/clients-filters";
import { CLIENT_COLUMNS, type ClientSort, ClientsTable } from "@/features/clients/components/clients-table";
import { CreateClientDialog } from "@/features/clients/components/create-client-dialog";
import { CustomFieldFilter, parseCustomFieldFilter } from "@/features/custom-fields/components/custom-field-filter";
import { CustomFieldsProvider } from "@/features/custom-fields/components/custom-fields-provider";
import { SavedViewsBar } from "@/features/saved-views/components/saved-views-bar";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { canImportEntity } from "@/features/imports/can-import";
import { useUrlFilters } from "@/lib/url-filters";
import { useCustomColumns } from "./use-custom-columns";
import { useTeamMembers } from "./use-team-members";

const FILTER_KEYS = ["q", "status", "ownerId", "tag", "cf", "sort", "sortKey", "order"] as const;
// Rows per request while scrolling (the table renders only the rows on screen, however many are loaded).
const PAGE_SIZE = 100;

/** /clients — the client list with filters, custom-field columns, bulk actions and CSV export. */
export function ClientsPage() {
  return (
    <CustomFieldsProvider>
      <ClientsList />
    </CustomFieldsProvider>
  );
}

function ClientsList() {
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const { values, setFilters, clear } = useUrlFilters(FILTER_KEYS);
  const { members } = useTeamMembers();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [lastBulk, setLastBulk] = useState("");
  const customSort = values.sort === "custom" && values.sortKey !== "";
  const sort = customSort ? "custom" : (CLIENT_SORTS as readonly string[]).includes(values.sort) && values.sort !== "custom" ? (values.sort as ClientSort) : "name";
  const order = values.order === "desc" ? "desc" : "asc";
  const cf = parseCustomFieldFilter(values.cf).value ? [values.cf] : undefined;
  const filters = {
    q: values.q || undefined,
    status: (values.status || undefined) as ClientStatus | undefined,
    ownerId: values.ownerId || undefined,
    tag: values.tag || undefined,
    cf,
    sort,
    sortKey: customSort ? values.sortKey : undefined,
    order,
  } as const;
  const onSortCustom = useCallback((key: string, next: "asc" | "desc") => setFilters({ sort: "custom", sortKey: key, order: next }), [setFilters]);
  const columns = useCustomColumns<ClientDto>({ entity: "client", builtIn: CLIENT_COLUMNS, sort, sortKey: values.sortKey, order, onSortCustom });
  const { layout } = columns;
  const onCfChange = useCallback((next: string) => setFilters({ cf: next }), [setFilters]);
  const clients = useInfiniteClients({ ...filters, limit: PAGE_SIZE });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = clients;
  const onEndReached = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const rows = useMemo(() => clients.data?.pages.flatMap((p) => p.data) ?? [], [clients.data]);
  const names = useMemo(() => new Map(rows.map((c) => [c.id, c.name])), [rows]);
  const filtering = !!(values.q || values.status || values.ownerId || values.tag || cf);
  const canWrite = hasPermission(me, "clients.write");
  const canDelete = hasPermission(me, "clients.delete");
  // Rows that vanished (filtered out, deleted) drop out of the selection.
  const visibleSelection = useMemo(() => new Set([...selected].filter((id) => names.has(id))), [selected, names]);

  const onSort = useCallback(
    (key: ClientSort) => setFilters({ sort: key, sortKey: "", order: key === sort ? (order === "asc" ? "desc" : "asc") : key === "name" ? "asc" : "desc" }),
    [setFilters, sort, order],
  );

  return (
    <>
      <PageHeader
        title="Clients"
        description="Every company you work with, its owner, team and retainer."
        actions={
          <>
            {hasPermission(me, "clients.export") ? (
              <Button variant="secondary" asChild>
                <a href={clientsExportHref(filters)} download>
                  <Download aria-hidden />
                  Export CSV
                </a>
              </Button>
            ) : null}
            {canImportEntity(me, "client") ? (
              <Button variant="secondary" asChild>
                <Link href={paths.importNew.href("client")}>
                  <Upload aria-hidden />
                  Import
                </Link>
              </Button>
            ) : null}
            {canWrite ? <CreateClientDialog members={members} onCreated={(id) => navigate(paths.client.href(id))} /> : null}
          </>
        }
      />
      {lastBulk ? (
        <Alert tone="info" className="mb-4">
          <span className="flex flex-wrap items-center justify-between gap-2">
            {lastBulk}
            <Button variant="link" size="sm" onClick={() => setLastBulk("")}>
              Dismiss
            </Button>
          </span>
        </Alert>
      ) : null}
      <SavedViewsBar entityType="client" noun="clients" queryKeys={FILTER_KEYS} columns={layout.visibleIds} onApplyColumns={layout.apply} />
      <Card className="min-w-0">
        <ClientsFilters
          values={{ q: values.q, status: values.status, ownerId: values.ownerId, tag: values.tag }}
          onChange={setFilters}
          onClear={clear}
          active={filtering}
          members={members}
        />
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 px-4 py-2">
          <CustomFieldFilter definitions={columns.definitions} value={values.cf} onChange={onCfChange} />
          <div className="ml-auto">
            <ColumnChooser columns={layout.ordered} hidden={layout.hidden} onToggle={layout.toggle} onMove={layout.move} onReset={layout.reset} />
          </div>
        </div>
        <BulkActionsBar
          selected={visibleSelection}
          names={names}
          members={members}
          canWrite={canWrite}
          canDelete={canDelete}
          onDone={(summary) => {
            setSelected(new Set());
            setLastBulk(summary);
          }}
        />
        {clients.isPending ? (
          <SkeletonRows rows={6} />
        ) : rows.length === 0 ? (
          filtering ? (
            <EmptyState
              icon={Briefcase}
              title="No clients match these filters"
              description="Try a different search, or clear the filters to see every client."
              action={
                <Button variant="secondary" onClick={clear}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={Briefcase}
              title="No clients yet — add your first client"
              description={canWrite ? "Use “New client” to add the first company you work with." : "Clients you're assigned to will show up here."}
              action={canWrite ? <CreateClientDialog members={members} onCreated={(id) => navigate(paths.client.href(id))} /> : undefined}
            />
          )
        ) : (
          <>
            <ClientsTable
              clients={rows}
              sort={sort}
              order={order}
              onSort={onSort}
              selected={visibleSelection}
              onSelectedChange={canWrite || canDelete ? setSelected : undefined}
              columnIds={layout.visibleIds}
              customColumns={columns.customColumns}
              onEndReached={onEndReached}
            />
            <LoadMore
              hasNextPage={clients.hasNextPage}
              isFetchingNextPage={clients.isFetchingNextPage}
              fetchNextPage={onEndReached}
              shown={rows.length}
              noun={rows.length === 1 ? "client" : "clients"}
            />
          </>
        )}
      </Card>
    </>
  );
}
