import type { BoardColumnDto } from "@shared/contracts/deals";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { SortableDealCard } from "./deal-card";
import { formatTotals } from "./deal-format";

export const columnDropId = (stageId: string) => `column:${stageId}`;

/** One stage column: header with count, value and weighted value; its cards; "load more". */
export function BoardColumn({
  column,
  canMove,
  onLoadMore,
  loadingMore,
}: {
  column: BoardColumnDto;
  canMove: boolean;
  onLoadMore: () => void;
  loadingMore: boolean;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(column.stage.id), data: { type: "column", stageId: column.stage.id } });
  const headingId = `stage-${column.stage.id}`;
  return (
    <section aria-labelledby={headingId} data-testid="board-column" data-stage-id={column.stage.id} className="flex w-72 shrink-0 flex-col rounded-xl bg-zinc-100/80">
      <header className="border-b border-zinc-200/80 px-3 py-2.5">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={headingId} className="truncate text-sm font-semibold text-zinc-900">
            {column.stage.name}
          </h2>
          <span className="text-xs text-zinc-500" title="Win probability">
            {column.stage.probability}%
          </span>
        </div>
        <p className="mt-0.5 text-xs text-zinc-600">
          <span data-testid="column-count">{column.count}</span> {column.count === 1 ? "deal" : "deals"} · {formatTotals(column.totals, "valueMinor")}
        </p>
        <p className="text-xs text-zinc-500">Weighted {formatTotals(column.totals, "weightedMinor")}</p>
      </header>
      <SortableContext id={column.stage.id} items={column.deals.map((d) => d.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className={cn("flex min-h-24 flex-1 flex-col gap-2 p-2", isOver && "bg-brand-soft/50")} aria-label={`Deals in ${column.stage.name}`}>
          {column.deals.map((d) => (
            <SortableDealCard key={d.id} deal={d} stageId={column.stage.id} disabled={!canMove} />
          ))}
          {column.deals.length === 0 ? <li className="py-6 text-center text-xs text-zinc-400">{canMove ? "Drop a deal here" : "No deals"}</li> : null}
        </ul>
      </SortableContext>
      {column.nextCursor ? (
        <div className="px-2 pb-2">
          <Button variant="ghost" size="sm" className="w-full" loading={loadingMore} onClick={onLoadMore}>
            Load more ({column.count - column.deals.length} more)
          </Button>
        </div>
      ) : null}
    </section>
  );
}
