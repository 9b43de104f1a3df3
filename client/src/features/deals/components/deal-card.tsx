import type { BoardCardDto } from "@shared/contracts/deals";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { CalendarDays, GripVertical } from "lucide-react";
import { Link } from "wouter";
import { paths } from "@/config/paths";
import { cn } from "@/lib/cn";
import { formatDate } from "@/lib/format";
import { formatMinor, isOverdue, OverdueBadge, RottingBadge } from "./deal-format";

/** The body of a deal card (shared by the sortable card and the drag overlay). Board cards are open deals. */
export function DealCardBody({ deal, handle }: { deal: BoardCardDto; handle?: React.ReactNode }) {
  const party = deal.client?.name ?? deal.lead?.name;
  return (
    <div className="flex items-start gap-1.5">
      {handle}
      <div className="min-w-0 flex-1 space-y-1">
        <Link href={paths.deal.href(deal.id)} className="block truncate text-sm font-medium text-zinc-900 hover:underline" draggable={false}>
          {deal.title}
        </Link>
        {party ? <p className="truncate text-xs text-zinc-500">{party}</p> : null}
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-600">
          <span className="font-medium tabular-nums">{formatMinor(deal.valueMinor, deal.currency)}</span>
          {deal.expectedCloseDate ? (
            <span className="inline-flex items-center gap-1 text-zinc-500">
              <CalendarDays className="size-3" aria-hidden />
              {formatDate(deal.expectedCloseDate)}
            </span>
          ) : null}
          {deal.owner ? <span className="truncate text-zinc-500">{deal.owner.name}</span> : null}
          {deal.expectedCloseDate && isOverdue({ status: "open", expectedCloseDate: deal.expectedCloseDate }) ? <OverdueBadge date={deal.expectedCloseDate} /> : null}
          {deal.rotting ? <RottingBadge since={deal.lastActivityAt} /> : null}
        </div>
      </div>
    </div>
  );
}

/**
 * A draggable deal card: the whole card follows the mouse; the grip is the keyboard handle (Space or
 * Enter picks it up, arrows move it, Space drops it, Escape cancels).
 */
export function SortableDealCard({ deal, stageId, disabled }: { deal: BoardCardDto; stageId: string; disabled: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: deal.id,
    data: { type: "deal", stageId },
    disabled,
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      onPointerDown={listeners?.onPointerDown as React.PointerEventHandler<HTMLLIElement> | undefined}
      data-testid="deal-card"
      data-deal-id={deal.id}
      className={cn(
        "rounded-lg border border-zinc-200 bg-white p-2.5 shadow-sm",
        !disabled && "cursor-grab active:cursor-grabbing",
        isDragging && "opacity-40",
        deal.rotting && "border-amber-300",
      )}
    >
      <DealCardBody
        deal={deal}
        handle={
          disabled ? undefined : (
            <button
              type="button"
              ref={setActivatorNodeRef}
              {...attributes}
              onKeyDown={listeners?.onKeyDown as React.KeyboardEventHandler<HTMLButtonElement> | undefined}
              aria-label={`Move deal ${deal.title}`}
              className="mt-0.5 rounded p-0.5 text-zinc-400 hover:text-zinc-700 focus-visible:outline-2 focus-visible:outline-brand"
            >
              <GripVertical className="size-4" aria-hidden />
            </button>
          )
        }
      />
    </li>
  );
}
