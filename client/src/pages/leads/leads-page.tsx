import { pipelineScopeOf } from "@shared/constants/roles";
import { LEAD_SOURCES, LEAD_STATUSES, type LeadDto, type LeadSource, type LeadStatus } from "@shared/contracts/leads";
import { BarChart3, FileInput, Magnet } from "lucide-react";
import { Link, useLocation } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { ExportButton } from "@/components/lists/list-scaffold";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { paths } from "@/config/paths";
import { ImportButton } from "@/features/imports/components/import-button";
import { leadsExportHref, useInfiniteLeads } from "@/features/leads/api/get-leads";
import { CreateLeadDialog } from "@/features/leads/components/create-lead-dialog";
import { LeadsBulkActions } from "@/features/leads/components/leads-bulk-actions";
import { LeadsFilters } from "@/features/leads/components/leads-filters";
import { LEAD_COLUMNS, type LeadSort, LeadsTable } from "@/features/leads/components/leads-table";
import { ListPage } from "@/features/lists/components/list-page";
import { pickSort, useListPage } from "@/features/lists/hooks/use-list-page";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { LIST_PAGE_SIZE, useListRows } from "@/lib/use-list-rows";
import { LeadCustomFieldsProvider } from "./lead-custom-fields";
import { useLeadOwners } from "./use-lead-owners";

const FILTER_KEYS = ["q", "status", "source", "owner", "tag", "cf", "sort", "sortKey", "order"] as const;
const SORTS: LeadSort[] = ["createdAt", "updatedAt", "name", "score", "relevance"];
/** The sort picker: each choice is a sort and its natural direction. */
const SORT_CHOICES = [
  { value: "createdAt:desc", label: "Newest first" },
  { value: "createdAt:asc", label: "Oldest first" },
  { value: "updatedAt:desc", label: "Recently updated" },
  { value: "updatedAt:asc", label: "Least recently updated" },
  { value: "name:asc", label: "Name A–Z" },
  { value: "name:desc", label: "Name Z–A" },
  { value: "score:desc", label: "Highest score" },
  { value: "score:asc", label: "Lowest score" },
  { value: "relevance:desc", label: "Best match" },
] as const;
// A page of another feature (web forms), linked from the empty state.
const FORMS_HREF = paths.forms.href();
const nameOf = (l: LeadDto) => l.name;
const firstOrder = (key: LeadSort | "custom") => (key === "name" ? "asc" : "desc");

/** /leads — the lead list with filters, custom-field columns, bulk actions and CSV export. */
export function LeadsPage() {
  return (
    <LeadCustomFieldsProvider>
      <LeadsList />
    </LeadCustomFieldsProvider>
  );
}

function LeadsList() {
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const ownOnly = pipelineScopeOf(me.user.role, me.workspace.staffPipelineScope) === "own";
  const { members } = useLeadOwners();
  const page = useListPage({
    entity: "lead",
    keys: FILTER_KEYS,
    builtIn: LEAD_COLUMNS,
    // Searching ranks by match unless the user picked another order; relevance without a search is newest.
    sortOf: (v) => {
      const sort = pickSort(SORTS, v.sort, v.q ? "relevance" : "createdAt");
      return sort === "relevance" && !v.q ? "createdAt" : sort;
    },
    defaultOrder: firstOrder,
    firstOrder: (key: LeadSort) => firstOrder(key),
  });
  const { values, sort, order, customSort, setFilters } = page;
  const filters = {
    q: values.q || undefined,
    status: (LEAD_STATUSES as readonly string[]).includes(values.status) ? (values.status as LeadStatus) : undefined,
    source: (LEAD_SOURCES as readonly string[]).includes(values.source) ? (values.source as LeadSource) : undefined,
    ownerId: values.owner && values.owner !== "unassigned" ? values.owner : undefined,
    unassigned: values.owner === "unassigned" ? ("true" as const) : undefined,
    tag: values.tag || undefined,
    cf: page.cf,
    sort,
    sortKey: page.sortKey,
    order,
  } as const;
  const leads = useInfiniteLeads({ ...filters, limit: LIST_PAGE_SIZE });
  const list = useListRows(leads, nameOf);
  const canWrite = hasPermission(me, "leads.write");
  const canDelete = hasPermission(me, "leads.delete");
  const openLead = (id: string) => navigate(paths.lead.href(id));
  const sortChoice = customSort ? "" : `${sort}:${order}`;

  return (
    <>
      <PageHeader
        title="Leads"
        description="People who might become clients: where they came from, who follows up, and how warm they are."
        actions={
          <>
            <Button variant="secondary" asChild>
              <Link href={paths.leadsWorkload.href()}>
                <BarChart3 aria-hidden />
                Workload
              </Link>
            </Button>
            {hasPermission(me, "leads.export") ? <ExportButton href={leadsExportHref(filters)} /> : null}
            <ImportButton entity="lead" />
            {canWrite ? <CreateLeadDialog members={members} ownerPicker={!ownOnly} onCreated={openLead} /> : null}
          </>
        }
      />
      <ListPage
        page={page}
        query={leads}
        list={list}
        noun={["lead", "leads"]}
        icon={Magnet}
        filters={<LeadsFilters {...page.filterBar} values={values} members={members} ownerFilter={!ownOnly} />}
        toolbarActions={
          <NativeSelect
            aria-label="Sort leads"
            value={sortChoice}
            onChange={(e) => {
              const [s = "", o = ""] = e.target.value.split(":");
              setFilters({ sort: s, sortKey: "", order: o });
            }}
            className="w-44"
          >
            {customSort ? <option value="">By a custom field</option> : null}
            {SORT_CHOICES.filter((c) => !c.value.startsWith("relevance") || values.q).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </NativeSelect>
        }
        bulk={<LeadsBulkActions {...list.bulk} members={members} canWrite={canWrite} canDelete={canDelete} canAssign={!ownOnly} />}
        empty={{
          title: "No leads yet",
          description: canWrite
            ? "Add a lead by hand, import a spreadsheet of them, or build a web form that drops enquiries straight in here."
            : "Leads assigned to you will show up here.",
          action: canWrite ? (
            <div className="flex flex-wrap justify-center gap-2">
              <CreateLeadDialog members={members} ownerPicker={!ownOnly} onCreated={openLead} label="Add a lead" />
              <ImportButton entity="lead" />
              {hasPermission(me, "forms.manage") ? (
                <Button variant="secondary" asChild>
                  <Link href={FORMS_HREF}>
                    <FileInput aria-hidden />
                    Build a web form
                  </Link>
                </Button>
              ) : null}
            </div>
          ) : undefined,
        }}
        table={LeadsTable}
        selectable={canWrite || canDelete}
      />
    </>
  );
}
