import { pipelineScopeOf } from "@shared/constants/roles";
import { LEAD_SOURCES, LEAD_STATUSES, type LeadDto, type LeadSource, type LeadStatus } from "@shared/contracts/leads";
import { BarChart3, FileInput, Magnet, Upload } from "lucide-react";
import { Link, useLocation } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { ExportButton, ListBody, ListNotice, ListToolbar } from "@/components/lists/list-scaffold";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/input";
import { paths } from "@/config/paths";
import { CustomFieldFilter } from "@/features/custom-fields/components/custom-field-filter";
import { isCustomSort, useCustomColumns } from "@/features/custom-fields/hooks/use-custom-columns";
import { leadsExportHref, useInfiniteLeads } from "@/features/leads/api/get-leads";
import { CreateLeadDialog } from "@/features/leads/components/create-lead-dialog";
import { LeadsBulkActions } from "@/features/leads/components/leads-bulk-actions";
import { LeadsFilters } from "@/features/leads/components/leads-filters";
import { LEAD_COLUMNS, type LeadSort, LeadsTable } from "@/features/leads/components/leads-table";
import { SavedViewsBar } from "@/features/saved-views/components/saved-views-bar";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { useUrlFilters } from "@/lib/url-filters";
import { LIST_PAGE_SIZE, useListRows } from "@/lib/use-list-rows";
import { useSortToggle } from "@/lib/use-sort-toggle";
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
// Pages of other features (imports, web forms), linked from the toolbar and the empty state.
const IMPORT_HREF = paths.importNew.href("lead");
const FORMS_HREF = paths.forms.href();
const nameOf = (l: LeadDto) => l.name;

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
  const { values, setFilters, clear } = useUrlFilters(FILTER_KEYS);
  const ownOnly = pipelineScopeOf(me.user.role, me.workspace.staffPipelineScope) === "own";
  const { members } = useLeadOwners();
  const customSort = isCustomSort(values);
  const explicit = (SORTS as string[]).includes(values.sort) ? (values.sort as LeadSort) : null;
  // Searching ranks by match unless the user picked another order; relevance without a search is newest.
  const sort: LeadSort | "custom" = customSort ? "custom" : explicit && (explicit !== "relevance" || values.q) ? explicit : values.q ? "relevance" : "createdAt";
  const order = values.order === "asc" || values.order === "desc" ? values.order : sort === "name" ? "asc" : "desc";
  const columns = useCustomColumns<LeadDto>({ entity: "lead", builtIn: LEAD_COLUMNS, values, setFilters, sort, order });
  const { layout, cf } = columns;
  const filters = {
    q: values.q || undefined,
    status: (LEAD_STATUSES as readonly string[]).includes(values.status) ? (values.status as LeadStatus) : undefined,
    source: (LEAD_SOURCES as readonly string[]).includes(values.source) ? (values.source as LeadSource) : undefined,
    ownerId: values.owner && values.owner !== "unassigned" ? values.owner : undefined,
    unassigned: values.owner === "unassigned" ? ("true" as const) : undefined,
    tag: values.tag || undefined,
    cf,
    sort,
    sortKey: customSort ? values.sortKey : undefined,
    order,
  } as const;
  const leads = useInfiniteLeads({ ...filters, limit: LIST_PAGE_SIZE });
  const list = useListRows(leads, nameOf);
  const filtering = !!(values.q || values.status || values.source || values.owner || values.tag || cf);
  const canWrite = hasPermission(me, "leads.write");
  const canDelete = hasPermission(me, "leads.delete");
  const openLead = (id: string) => navigate(paths.lead.href(id));

  const onSort = useSortToggle<LeadSort>(setFilters, { sort, order }, (key) => (key === "name" ? "asc" : "desc"));
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
            {canWrite && hasPermission(me, "imports.run") ? (
              <Button variant="secondary" asChild>
                <Link href={paths.importNew.href("lead")}>
                  <Upload aria-hidden />
                  Import
                </Link>
              </Button>
            ) : null}
            {canWrite ? <CreateLeadDialog members={members} ownerPicker={!ownOnly} onCreated={openLead} /> : null}
          </>
        }
      />
      <ListNotice message={list.notice} onDismiss={list.dismissNotice} />
      <SavedViewsBar entityType="lead" noun="leads" queryKeys={FILTER_KEYS} columns={layout.visibleIds} onApplyColumns={layout.apply} />
      <Card className="min-w-0">
        <LeadsFilters
          values={{ q: values.q, status: values.status, source: values.source, owner: values.owner, tag: values.tag }}
          onChange={setFilters}
          onClear={clear}
          active={filtering}
          members={members}
          ownerFilter={!ownOnly}
        />
        <ListToolbar
          layout={layout}
          actions={
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
        >
          <CustomFieldFilter {...columns.filterProps} />
        </ListToolbar>
        <LeadsBulkActions {...list.bulk} members={members} canWrite={canWrite} canDelete={canDelete} canAssign={!ownOnly} />
        <ListBody
          query={leads}
          list={list}
          noun={["lead", "leads"]}
          icon={Magnet}
          filtering={filtering}
          onClear={clear}
          empty={{
            title: "No leads yet",
            description: canWrite
              ? "Add a lead by hand, import a spreadsheet of them, or build a web form that drops enquiries straight in here."
              : "Leads assigned to you will show up here.",
            action: canWrite ? (
              <div className="flex flex-wrap justify-center gap-2">
                <CreateLeadDialog members={members} ownerPicker={!ownOnly} onCreated={openLead} label="Add a lead" />
                {hasPermission(me, "imports.run") ? (
                  <Button variant="secondary" asChild>
                    <Link href={IMPORT_HREF}>
                      <Upload aria-hidden />
                      Import
                    </Link>
                  </Button>
                ) : null}
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
        >
          <LeadsTable
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
