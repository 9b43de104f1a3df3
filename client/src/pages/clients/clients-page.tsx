import { CLIENT_SORTS, type ClientDto, type ClientStatus } from "@shared/contracts/clients";
import { Briefcase } from "lucide-react";
import { useLocation } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { ExportButton } from "@/components/lists/list-scaffold";
import { paths } from "@/config/paths";
import { clientsExportHref, useInfiniteClients } from "@/features/clients/api/get-clients";
import { ClientsBulkActions } from "@/features/clients/components/clients-bulk-actions";
import { ClientsFilters } from "@/features/clients/components/clients-filters";
import { CLIENT_COLUMNS, type ClientSort, ClientsTable } from "@/features/clients/components/clients-table";
import { CreateClientDialog } from "@/features/clients/components/create-client-dialog";
import { CustomFieldsProvider } from "@/features/custom-fields/components/custom-fields-provider";
import { ImportButton } from "@/features/imports/components/import-button";
import { ListPage } from "@/features/lists/components/list-page";
import { pickSort, useListPage } from "@/features/lists/hooks/use-list-page";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { LIST_PAGE_SIZE, useListRows } from "@/lib/use-list-rows";
import { useTeamMembers } from "./use-team-members";

const FILTER_KEYS = ["q", "status", "ownerId", "tag", "cf", "sort", "sortKey", "order"] as const;
const SORTS = CLIENT_SORTS.filter((s) => s !== "custom");
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
  const { members } = useTeamMembers();
  const page = useListPage({
    entity: "client",
    keys: FILTER_KEYS,
    builtIn: CLIENT_COLUMNS,
    sortOf: (v) => pickSort(SORTS, v.sort, "name"),
    defaultOrder: () => "asc",
    firstOrder: (key: ClientSort) => (key === "name" ? "asc" : "desc"),
  });
  const { values } = page;
  const filters = {
    q: values.q || undefined,
    status: (values.status || undefined) as ClientStatus | undefined,
    ownerId: values.ownerId || undefined,
    tag: values.tag || undefined,
    cf: page.cf,
    sort: page.sort,
    sortKey: page.sortKey,
    order: page.order,
  } as const;
  const clients = useInfiniteClients({ ...filters, limit: LIST_PAGE_SIZE });
  const list = useListRows(clients, nameOf);
  const canWrite = hasPermission(me, "clients.write");
  const canDelete = hasPermission(me, "clients.delete");
  const create = canWrite ? <CreateClientDialog members={members} onCreated={(id) => navigate(paths.client.href(id))} /> : undefined;

  return (
    <>
      <PageHeader
        title="Clients"
        description="Every company you work with, its owner, team and retainer."
        actions={
          <>
            {hasPermission(me, "clients.export") ? <ExportButton href={clientsExportHref(filters)} /> : null}
            <ImportButton entity="client" />
            {create}
          </>
        }
      />
      <ListPage
        page={page}
        query={clients}
        list={list}
        noun={["client", "clients"]}
        icon={Briefcase}
        filters={<ClientsFilters {...page.filterBar} values={values} members={members} />}
        bulk={<ClientsBulkActions {...list.bulk} members={members} canWrite={canWrite} canDelete={canDelete} />}
        empty={{
          title: "No clients yet — add your first client",
          description: canWrite ? "Use “New client” to add the first company you work with." : "Clients you're assigned to will show up here.",
          action: create,
        }}
        table={ClientsTable}
        selectable={canWrite || canDelete}
      />
    </>
  );
}
