import { DEAL_SORTS, type DealDto, type DealSort, type DealStatus } from "@shared/contracts/deals";
import type { PipelineDto } from "@shared/contracts/pipelines";
import { SquareKanban } from "lucide-react";
import { ExportButton, ListBody, ListNotice, ListToolbar } from "@/components/lists/list-scaffold";
import { Card } from "@/components/ui/card";
import { CustomFieldFilter } from "@/features/custom-fields/components/custom-field-filter";
import { isCustomSort, useCustomColumns } from "@/features/custom-fields/hooks/use-custom-columns";
import { dealsExportHref, useInfiniteDeals } from "@/features/deals/api/get-deals";
import { DealsBulkActions } from "@/features/deals/components/deals-bulk-actions";
import { DealsFilters } from "@/features/deals/components/deals-filters";
import { DEAL_COLUMNS, type DealSortKey, DealsTable } from "@/features/deals/components/deals-table";
import { SavedViewsBar } from "@/features/saved-views/components/saved-views-bar";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { useUrlFilters } from "@/lib/url-filters";
import { LIST_PAGE_SIZE, useListRows } from "@/lib/use-list-rows";
import { useSortToggle } from "@/lib/use-sort-toggle";

// The list's state in the URL, and what a saved view stores (the pipeline stays the page's choice:
// a view's stage filter applies only while that stage's pipeline is shown).
const KEYS = ["q", "stageId", "status", "ownerId", "tag", "rotting", "cf", "sort", "sortKey", "order"] as const;
const nameOf = (d: DealDto) => d.title;

/** The deal list of a pipeline: filters, search, sort, custom-field columns, bulk actions, CSV export. */
export function DealsList({ pipeline, members, ownOnly }: { pipeline: PipelineDto; members: { id: string; name: string }[]; ownOnly: boolean }) {
  const me = useCurrentUser();
  const { values, setFilters } = useUrlFilters(KEYS);
  const customSort = isCustomSort(values);
  const sort: DealSort = customSort ? "custom" : (DEAL_SORTS as readonly string[]).includes(values.sort) && values.sort !== "custom" ? (values.sort as DealSort) : "createdAt";
  const order = values.order === "asc" ? "asc" : "desc";
  const columns = useCustomColumns<DealDto>({ entity: "deal", builtIn: DEAL_COLUMNS, values, setFilters, sort, order });
  const { layout, cf } = columns;
  const stageIds = new Set(pipeline.stages.map((s) => s.id));
  const filters = {
    pipelineId: pipeline.id,
    q: values.q || undefined,
    stageId: stageIds.has(values.stageId) ? values.stageId : undefined,
    status: (values.status || undefined) as DealStatus | undefined,
    ownerId: values.ownerId || undefined,
    tag: values.tag || undefined,
    rotting: values.rotting === "true" ? ("true" as const) : undefined,
    cf,
    sort,
    sortKey: customSort ? values.sortKey : undefined,
    order,
  } as const;
  const deals = useInfiniteDeals({ ...filters, limit: LIST_PAGE_SIZE });
  const list = useListRows(deals, nameOf);
  const filtering = !!(values.q || values.stageId || values.status || values.ownerId || values.tag || values.rotting || cf);
  const canWrite = hasPermission(me, "deals.write");
  const canDelete = hasPermission(me, "deals.delete");
  const clear = () => setFilters({ q: "", stageId: "", status: "", ownerId: "", tag: "", rotting: "", cf: "" });
  const onSort = useSortToggle<DealSortKey>(setFilters, { sort, order }, (key) => (key === "title" || key === "expectedCloseDate" ? "asc" : "desc"));

  return (
    <>
      <ListNotice message={list.notice} onDismiss={list.dismissNotice} />
      <SavedViewsBar entityType="deal" noun="deals" queryKeys={KEYS} columns={layout.visibleIds} onApplyColumns={layout.apply} />
      <Card className="min-w-0">
        <DealsFilters
          values={{ q: values.q, stageId: values.stageId, status: values.status, ownerId: values.ownerId, tag: values.tag, rotting: values.rotting }}
          onChange={setFilters}
          onClear={clear}
          active={filtering}
          members={members}
          ownerFilter={!ownOnly}
          stages={pipeline.stages}
        />
        <ListToolbar layout={layout} actions={<ExportButton href={dealsExportHref(filters)} size="sm" />}>
          <CustomFieldFilter {...columns.filterProps} />
        </ListToolbar>
        <DealsBulkActions {...list.bulk} members={members} canWrite={canWrite} canDelete={canDelete} canAssign={!ownOnly} />
        <ListBody
          query={deals}
          list={list}
          noun={["deal", "deals"]}
          icon={SquareKanban}
          filtering={filtering}
          onClear={clear}
          empty={{
            title: "No deals in this pipeline yet",
            description: canWrite ? "Use “New deal” to add the first one." : "Deals shared with you will show up here.",
          }}
        >
          <DealsTable
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
