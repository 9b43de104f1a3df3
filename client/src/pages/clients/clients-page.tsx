import { CLIENT_SORTS, type ClientDto, type ClientStatus } from "@shared/contracts/clients";
import { Briefcase, Upload } from "lucide-react";
import { Link, useLocation } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { ExportButton, ListBody, ListNotice, ListToolbar } from "@/components/lists/list-scaffold";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { paths } from "@/config/paths";
import { clientsExportHref, useInfiniteClients } from "@/features/clients/api/get-clients";
import { ClientsBulkActions } from "@/features/clients/components/clients-bulk-actions";
import { ClientsFilters } from "@/features/clients/components/clients-filters";
import { CLIENT_COLUMNS, type ClientSort, ClientsTable } from "@/features/clients/components/clients-table";
import { CreateClientDialog } from "@/features/clients/components/create-client-dialog";
import { CustomFieldFilter } from "@/features/custom-fields/components/custom-field-filter";
import { CustomFieldsProvider } from "@/features/custom-fields/components/custom-fields-provider";
import { isCustomSort, useCustomColumns } from "@/features/custom-fields/hooks/use-custom-columns";
import { SavedViewsBar } from "@/features/saved-views/components/saved-views-bar";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { canImportEntity } from "@/features/imports/can-import";
import { useUrlFilters } from "@/lib/url-filters";
import { LIST_PAGE_SIZE, useListRows } from "@/lib/use-list-rows";
import { useSortToggle } from "@/lib/use-sort-toggle";
import { useTeamMembers } from "./use-team-members";

const FILTER_KEYS = ["q", "status", "ownerId", "tag", "cf", "sort", "sortKey", "order"] as const;
const nameOf = (c: ClientDto) => c.name;

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
  const customSort = isCustomSort(values);
  const sort = customSort ? "custom" : (CLIENT_SORTS as readonly string[]).includes(values.sort) && values.sort !== "custom" ? (values.sort as ClientSort) : "name";
  const order = values.order === "desc" ? "desc" : "asc";
  const columns = useCustomColumns<ClientDto>({ entity: "client", builtIn: CLIENT_COLUMNS, values, setFilters, sort, order });
  const { layout, cf } = columns;
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
  const clients = useInfiniteClients({ ...filters, limit: LIST_PAGE_SIZE });
  const list = useListRows(clients, nameOf);
  const filtering = !!(values.q || values.status || values.ownerId || values.tag || cf);
  const canWrite = hasPermission(me, "clients.write");
  const canDelete = hasPermission(me, "clients.delete");
  const onSort = useSortToggle<ClientSort>(setFilters, { sort, order }, (key) => (key === "name" ? "asc" : "desc"));
  const create = canWrite ? <CreateClientDialog members={members} onCreated={(id) => navigate(paths.client.href(id))} /> : undefined;

  return (
    <>
      <PageHeader
        title="Clients"
        description="Every company you work with, its owner, team and retainer."
        actions={
          <>
            {hasPermission(me, "clients.export") ? <ExportButton href={clientsExportHref(filters)} /> : null}
            {canImportEntity(me, "client") ? (
              <Button variant="secondary" asChild>
                <Link href={paths.importNew.href("client")}>
                  <Upload aria-hidden />
                  Import
                </Link>
              </Button>
            ) : null}
            {create}
          </>
        }
      />
      <ListNotice message={list.notice} onDismiss={list.dismissNotice} />
      <SavedViewsBar entityType="client" noun="clients" queryKeys={FILTER_KEYS} columns={layout.visibleIds} onApplyColumns={layout.apply} />
      <Card className="min-w-0">
        <ClientsFilters
          values={{ q: values.q, status: values.status, ownerId: values.ownerId, tag: values.tag }}
          onChange={setFilters}
          onClear={clear}
          active={filtering}
          members={members}
        />
        <ListToolbar layout={layout}>
          <CustomFieldFilter {...columns.filterProps} />
        </ListToolbar>
        <ClientsBulkActions {...list.bulk} members={members} canWrite={canWrite} canDelete={canDelete} />
        <ListBody
          query={clients}
          list={list}
          noun={["client", "clients"]}
          icon={Briefcase}
          filtering={filtering}
          onClear={clear}
          empty={{
            title: "No clients yet — add your first client",
            description: canWrite ? "Use “New client” to add the first company you work with." : "Clients you're assigned to will show up here.",
            action: create,
          }}
        >
          <ClientsTable
            {...list.tableRows}
            {...columns.tableColumns}
            sort={sort}
            order={order}
            onSort={onSort}
            onSelectedChange={canWrite || canDelete ? list.setSelected : undefined}
          />
        </ListBody>
      </Card>
    </>
  );
}
