import { DEAL_SORTS, type DealDto, type DealSort, type DealStatus } from "@shared/contracts/deals";
import type { PipelineDto } from "@shared/contracts/pipelines";
import { Download, SquareKanban } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ColumnChooser } from "@/components/ui/column-chooser";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { CustomFieldFilter, parseCustomFieldFilter } from "@/features/custom-fields/components/custom-field-filter";
import { dealsExportHref, useInfiniteDeals } from "@/features/deals/api/get-deals";
import { DealsBulkBar } from "@/features/deals/components/deals-bulk-bar";
import { DealsFilters } from "@/features/deals/components/deals-filters";
import { DEAL_COLUMNS, type DealSortKey, DealsTable } from "@/features/deals/components/deals-table";
import { SavedViewsBar } from "@/features/saved-views/components/saved-views-bar";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { useUrlFilters } from "@/lib/url-filters";
import { useCustomColumns } from "../clients/use-custom-columns";

// The list's state in the URL, and what a saved view stores (the pipeline stays the page's choice:
// a view's stage filter applies only while that stage's pipeline is shown).
const KEYS = ["q", "stageId", "status", "ownerId", "tag", "rotting", "cf", "sort", "sortKey", "order"] as const;
// Rows per request while scrolling (the table renders only the rows on screen, however many are loaded).
const PAGE_SIZE = 100;

/** The deal list of a pipeline: filters, search, sort, custom-field columns, bulk actions, CSV export. */
export function DealsList({ pipeline, members }: { pipeline: PipelineDto; members: { id: string; name: string }[] }) {
  const me = useCurrentUser();
  const { values, setFilters } = useUrlFilters(KEYS);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [lastBulk, setLastBulk] = useState("");
  const customSort = values.sort === "custom" && values.sortKey !== "";
  const sort: DealSort = customSort ? "custom" : (DEAL_SORTS as readonly string[]).includes(values.sort) && values.sort !== "custom" ? (values.sort as DealSort) : "createdAt";
  const order = values.order === "asc" ? "asc" : "desc";
  const cf = parseCustomFieldFilter(values.cf).value ? [values.cf] : undefined;
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
  const onSortCustom = useCallback((key: string, next: "asc" | "desc") => setFilters({ sort: "custom", sortKey: key, order: next }), [setFilters]);
  const columns = useCustomColumns<DealDto>({ entity: "deal", builtIn: DEAL_COLUMNS, sort, sortKey: values.sortKey, order, onSortCustom });
  const { layout } = columns;
  const deals = useInfiniteDeals({ ...filters, limit: PAGE_SIZE });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = deals;
  const onEndReached = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const rows = useMemo(() => deals.data?.pages.flatMap((p) => p.data) ?? [], [deals.data]);
  const names = useMemo(() => new Map(rows.map((d) => [d.id, d.title])), [rows]);
  const visibleSelection = useMemo(() => new Set([...selected].filter((id) => names.has(id))), [selected, names]);
  const filtering = !!(values.q || values.stageId || values.status || values.ownerId || values.tag || values.rotting || cf);
  const canWrite = hasPermission(me, "deals.write");
  const canDelete = hasPermission(me, "deals.delete");
  const clear = () => setFilters({ q: "", stageId: "", status: "", ownerId: "", tag: "", rotting: "", cf: "" });
  const onSort = useCallback(
    (key: DealSortKey) =>
      setFilters({ sort: key, sortKey: "", order: key === sort ? (order === "asc" ? "desc" : "asc") : key === "title" || key === "expectedCloseDate" ? "asc" : "desc" }),
    [setFilters, sort, order],
  );

  return (
    <>
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
      <SavedViewsBar entityType="deal" noun="deals" queryKeys={KEYS} columns={layout.visibleIds} onApplyColumns={layout.apply} />
      <Card className="min-w-0">
        <DealsFilters
          values={{ q: values.q, stageId: values.stageId, status: values.status, ownerId: values.ownerId, tag: values.tag, rotting: values.rotting }}
          onChange={setFilters}
          onClear={clear}
          active={filtering}
          members={members}
          stages={pipeline.stages}
        />
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 px-4 py-2">
          <CustomFieldFilter definitions={columns.definitions} value={values.cf} onChange={(next) => setFilters({ cf: next })} />
          <div className="ml-auto flex items-center gap-2">
            <Button variant="secondary" size="sm" asChild>
              <a href={dealsExportHref(filters)} download>
                <Download aria-hidden />
                Export CSV
              </a>
            </Button>
            <ColumnChooser columns={layout.ordered} hidden={layout.hidden} onToggle={layout.toggle} onMove={layout.move} onReset={layout.reset} />
          </div>
        </div>
        <DealsBulkBar
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
        {deals.isPending ? (
          <SkeletonRows rows={6} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={SquareKanban}
            title={filtering ? "No deals match these filters" : "No deals in this pipeline yet"}
            description={filtering ? "Try a different search, or clear the filters." : canWrite ? "Use “New deal” to add the first one." : "Deals shared with you will show up here."}
            action={
              filtering ? (
                <Button variant="secondary" onClick={clear}>
                  Clear filters
                </Button>
              ) : undefined
            }
          />
        ) : (
          <>
            <DealsTable
              deals={rows}
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
              hasNextPage={deals.hasNextPage}
              isFetchingNextPage={deals.isFetchingNextPage}
              fetchNextPage={onEndReached}
              shown={rows.length}
              noun={rows.length === 1 ? "deal" : "deals"}
            />
          </>
        )}
      </Card>
    </>
  );
}
