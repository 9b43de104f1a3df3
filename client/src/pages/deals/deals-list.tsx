import { DEAL_SORTS, type DealDto, type DealStatus } from "@shared/contracts/deals";
import type { PipelineDto } from "@shared/contracts/pipelines";
import { SquareKanban } from "lucide-react";
import { ExportButton } from "@/components/lists/list-scaffold";
import { dealsExportHref, useInfiniteDeals } from "@/features/deals/api/get-deals";
import { DealsBulkActions } from "@/features/deals/components/deals-bulk-actions";
import { DealsFilters } from "@/features/deals/components/deals-filters";
import { DEAL_COLUMNS, type DealSortKey, DealsTable } from "@/features/deals/components/deals-table";
import { ListPage } from "@/features/lists/components/list-page";
import { pickSort, useListPage } from "@/features/lists/hooks/use-list-page";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { LIST_PAGE_SIZE, useListRows } from "@/lib/use-list-rows";

// The list's state in the URL, and what a saved view stores (the pipeline stays the page's choice:
// a view's stage filter applies only while that stage's pipeline is shown).
const KEYS = ["q", "stageId", "status", "ownerId", "tag", "rotting", "cf", "sort", "sortKey", "order"] as const;
// "Clear filters" keeps the page's view, pipeline and the list's sort.
const FILTERS = ["q", "stageId", "status", "ownerId", "tag", "rotting", "cf"] as const;
const SORTS = DEAL_SORTS.filter((s) => s !== "custom");
const nameOf = (d: DealDto) => d.title;

/** The deal list of a pipeline: filters, search, sort, custom-field columns, bulk actions, CSV export. */
export function DealsList({ pipeline, members, ownOnly }: { pipeline: PipelineDto; members: { id: string; name: string }[]; ownOnly: boolean }) {
  const me = useCurrentUser();
  const page = useListPage({
    entity: "deal",
    keys: KEYS,
    builtIn: DEAL_COLUMNS,
    sortOf: (v) => pickSort(SORTS, v.sort, "createdAt"),
    defaultOrder: () => "desc",
    firstOrder: (key: DealSortKey) => (key === "title" || key === "expectedCloseDate" ? "asc" : "desc"),
    clearKeys: FILTERS,
  });
  const { values } = page;
  const stageIds = new Set(pipeline.stages.map((s) => s.id));
  const filters = {
    pipelineId: pipeline.id,
    q: values.q || undefined,
    stageId: stageIds.has(values.stageId) ? values.stageId : undefined,
    status: (values.status || undefined) as DealStatus | undefined,
    ownerId: values.ownerId || undefined,
    tag: values.tag || undefined,
    rotting: values.rotting === "true" ? ("true" as const) : undefined,
    cf: page.cf,
    sort: page.sort,
    sortKey: page.sortKey,
    order: page.order,
  } as const;
  const deals = useInfiniteDeals({ ...filters, limit: LIST_PAGE_SIZE });
  const list = useListRows(deals, nameOf);
  const canWrite = hasPermission(me, "deals.write");
  const canDelete = hasPermission(me, "deals.delete");

  return (
    <ListPage
      page={page}
      query={deals}
      list={list}
      noun={["deal", "deals"]}
      icon={SquareKanban}
      filters={<DealsFilters {...page.filterBar} values={values} members={members} ownerFilter={!ownOnly} stages={pipeline.stages} />}
      toolbarActions={<ExportButton href={dealsExportHref(filters)} size="sm" />}
      bulk={<DealsBulkActions {...list.bulk} members={members} canWrite={canWrite} canDelete={canDelete} canAssign={!ownOnly} />}
      empty={{
        title: "No deals in this pipeline yet",
        description: canWrite ? "Use “New deal” to add the first one." : "Deals shared with you will show up here.",
      }}
      table={DealsTable}
      selectable={canWrite || canDelete}
    />
  );
}
