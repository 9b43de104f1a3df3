import { pipelineScopeOf } from "@shared/constants/roles";
import { LEAD_SOURCES, LEAD_STATUSES, type LeadSource, type LeadStatus } from "@shared/contracts/leads";
import { BarChart3, Download, FileInput, Magnet, Upload } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { Link, useLocation } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ColumnChooser } from "@/components/ui/column-chooser";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/input";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { CustomFieldFilter, parseCustomFieldFilter } from "@/features/custom-fields/components/custom-field-filter";
import { leadsExportHref, useInfiniteLeads } from "@/features/leads/api/get-leads";
import { CreateLeadDialog } from "@/features/leads/components/create-lead-dialog";
import { LeadsBulkBar } from "@/features/leads/components/leads-bulk-bar";
import { LeadsFilters } from "@/features/leads/components/leads-filters";
import { type LeadSort, LeadsTable } from "@/features/leads/components/leads-table";
import { SavedViewsBar } from "@/features/saved-views/components/saved-views-bar";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { useUrlFilters } from "@/lib/url-filters";
import { useLeadOwners } from "./use-lead-owners";
import { LeadCustomFieldsProvider } from "./lead-custom-fields";
import { useLeadColumns } from "./use-lead-columns";

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
// Rows per request while scrolling (the table renders only the rows on screen, however many are loaded).
const PAGE_SIZE = 100;

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
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [lastBulk, setLastBulk] = useState("");
  const customSort = values.sort === "custom" && values.sortKey !== "";
  const explicit = (SORTS as string[]).includes(values.sort) ? (values.sort as LeadSort) : null;
  // Searching ranks by match unless the user picked another order; relevance without a search is newest.
  const sort: LeadSort | "custom" = customSort ? "custom" : explicit && (explicit !== "relevance" || values.q) ? explicit : values.q ? "relevance" : "createdAt";
  const order = values.order === "asc" || values.order === "desc" ? values.order : sort === "name" ? "asc" : "desc";
  const cf = parseCustomFieldFilter(values.cf).value ? [values.cf] : undefined;
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
  const onSortCustom = useCallback((key: string, next: "asc" | "desc") => setFilters({ sort: "custom", sortKey: key, order: next }), [setFilters]);
  const columns = useLeadColumns({ sort, sortKey: values.sortKey, order, onSortCustom });
  const onCfChange = useCallback((next: string) => setFilters({ cf: next }), [setFilters]);
  const { layout } = columns;
  const leads = useInfiniteLeads({ ...filters, limit: PAGE_SIZE });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = leads;
  const onEndReached = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const rows = useMemo(() => leads.data?.pages.flatMap((p) => p.data) ?? [], [leads.data]);
  const names = useMemo(() => new Map(rows.map((l) => [l.id, l.name])), [rows]);
  const filtering = !!(values.q || values.status || values.source || values.owner || values.tag || cf);
  const canWrite = hasPermission(me, "leads.write");
  const canDelete = hasPermission(me, "leads.delete");
  const visibleSelection = useMemo(() => new Set([...selected].filter((id) => names.has(id))), [selected, names]);
  const openLead = (id: string) => navigate(paths.lead.href(id));

  const onSort = useCallback(
    (key: LeadSort) => setFilters({ sort: key, sortKey: "", order: key === sort ? (order === "asc" ? "desc" : "asc") : key === "name" ? "asc" : "desc" }),
    [setFilters, sort, order],
  );
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
            {hasPermission(me, "leads.export") ? (
              <Button variant="secondary" asChild>
                <a href={leadsExportHref(filters)} download>
                  <Download aria-hidden />
                  Export CSV
                </a>
              </Button>
            ) : null}
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
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 px-4 py-2">
          <CustomFieldFilter definitions={columns.definitions} value={values.cf} onChange={onCfChange} />
          <div className="ml-auto flex items-center gap-2">
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
            <ColumnChooser columns={layout.ordered} hidden={layout.hidden} onToggle={layout.toggle} onMove={layout.move} onReset={layout.reset} />
          </div>
        </div>
        <LeadsBulkBar
          selected={visibleSelection}
          names={names}
          members={members}
          canWrite={canWrite}
          canDelete={canDelete}
          canAssign={!ownOnly}
          onDone={(summary) => {
            setSelected(new Set());
            setLastBulk(summary);
          }}
        />
        {leads.isPending ? (
          <SkeletonRows rows={6} />
        ) : leads.isError ? (
          <EmptyState icon={Magnet} title="Couldn't load leads" description="Check your connection and try again." action={<Button variant="secondary" onClick={() => leads.refetch()}>Try again</Button>} />
        ) : rows.length === 0 ? (
          filtering ? (
            <EmptyState
              icon={Magnet}
              title="No leads match these filters"
              description="Try a different search, or clear the filters to see every lead."
              action={
                <Button variant="secondary" onClick={clear}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={Magnet}
              title="No leads yet"
              description={
                canWrite
                  ? "Add a lead by hand, import a spreadsheet of them, or build a web form that drops enquiries straight in here."
                  : "Leads assigned to you will show up here."
              }
              action={
                canWrite ? (
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
                ) : undefined
              }
            />
          )
        ) : (
          <>
            <LeadsTable
              leads={rows}
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
              hasNextPage={leads.hasNextPage}
              isFetchingNextPage={leads.isFetchingNextPage}
              fetchNextPage={onEndReached}
              shown={rows.length}
              noun={rows.length === 1 ? "lead" : "leads"}
            />
          </>
        )}
      </Card>
    </>
  );
}
