import type { BoardCardDto, BoardColumnDto } from "@shared/contracts/deals";
import {
  type Announcements,
  type CollisionDetection,
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SquareKanban } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/api-client";
import type { BoardParams } from "../api/deals-keys";
import { getBoard, useBoard } from "../api/get-board";
import { useMoveDeal } from "../api/move-deal";
import { BoardColumn } from "./board-column";
import { boardKeyboardCoordinates, keyboardCollision } from "./board-keyboard";
import { columnOf, locate, moveBody, moveCard } from "./board-moves";
import { DealCardBody } from "./deal-card";

const SCREEN_READER_INSTRUCTIONS =
  "To move a deal, press Space or Enter on its handle. Use the arrow keys to move it within a stage or to another stage, Space or Enter to drop it, and Escape to cancel.";

/**
 * The kanban board of a pipeline: drag a card with the mouse or the keyboard to move the deal to
 * another stage or place. Moves show at once and roll back if the server refuses them.
 */
export function DealsBoard({ pipelineId, filters, canMove }: { pipelineId: string; filters: BoardParams; canMove: boolean }) {
  const board = useBoard(pipelineId, filters);
  const move = useMoveDeal();
  const [columns, setColumns] = useState<BoardColumnDto[]>([]);
  const [active, setActive] = useState<BoardCardDto | null>(null);
  const [loadingMore, setLoadingMore] = useState<string | null>(null);
  const snapshot = useRef<BoardColumnDto[] | null>(null);

  // Fresh server data replaces the columns, except mid-drag (a background refetch must not move cards under the pointer).
  useEffect(() => {
    if (board.data && !snapshot.current) setColumns(board.data.columns);
  }, [board.data]);

  // The keyboard getter reads the latest columns (it is created once, with the sensors).
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  const keyboardDrag = useRef(false);
  const coordinateGetter = useMemo(() => boardKeyboardCoordinates(() => columnsRef.current), []);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter }));
  // Keyboard steps land exactly on a card or a column, so what is under the card's centre decides.
  const collisionDetection = useCallback<CollisionDetection>((args) => (keyboardDrag.current ? keyboardCollision(args) : closestCorners(args)), []);

  const nameOf = (id: string | number | undefined): string => {
    if (id === undefined) return "";
    const s = String(id);
    const col = columnOf(columns, s);
    return col >= 0 ? columns[col]!.stage.name : "";
  };
  const titleOf = (id: string | number) => active?.title ?? columns.flatMap((c) => c.deals).find((d) => d.id === String(id))?.title ?? "the deal";
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => `Picked up deal ${titleOf(a.id)} in ${nameOf(a.id)}.`,
    onDragOver: ({ active: a, over }) => (over ? `Deal ${titleOf(a.id)} is over ${nameOf(over.id)}.` : `Deal ${titleOf(a.id)} is no longer over a stage.`),
    onDragEnd: ({ active: a, over }) => (over ? `Deal ${titleOf(a.id)} was dropped in ${nameOf(over.id)}.` : `Deal ${titleOf(a.id)} was dropped back where it was.`),
    onDragCancel: ({ active: a }) => `Moving deal ${titleOf(a.id)} was cancelled. It is back in ${nameOf(a.id)}.`,
  };

  const onDragStart = ({ active: a, activatorEvent }: DragStartEvent) => {
    keyboardDrag.current = activatorEvent instanceof KeyboardEvent;
    snapshot.current = columns;
    const at = locate(columns, String(a.id));
    setActive(at ? columns[at.col]!.deals[at.index]! : null);
  };

  // Crossing into another column moves the card there right away, so the sortable list makes room.
  const onDragOver = ({ active: a, over }: DragOverEvent) => {
    if (!over) return;
    const id = String(a.id);
    const from = locate(columns, id);
    const to = columnOf(columns, String(over.id));
    if (!from || to < 0 || from.col === to) return;
    const overIndex = columns[to]!.deals.findIndex((d) => d.id === String(over.id));
    setColumns(moveCard(columns, id, to, overIndex >= 0 ? overIndex : columns[to]!.deals.length));
  };

  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    setActive(null);
    const before = snapshot.current;
    snapshot.current = null;
    if (!before) return;
    if (!over) {
      setColumns(before);
      return;
    }
    const id = String(a.id);
    const from = locate(columns, id);
    const to = columnOf(columns, String(over.id));
    let next = columns;
    if (from && to === from.col) {
      const overIndex = columns[to]!.deals.findIndex((d) => d.id === String(over.id));
      if (overIndex >= 0 && overIndex !== from.index) next = moveCard(columns, id, to, overIndex);
    }
    setColumns(next);
    const body = moveBody(before, next, id);
    if (!body) return;
    move.mutate(
      { id, body },
      {
        onError: (error) => {
          setColumns(before);
          toast.error(`The deal couldn't be moved: ${errorMessage(error)}`);
        },
      },
    );
  };

  const onDragCancel = () => {
    setActive(null);
    if (snapshot.current) setColumns(snapshot.current);
    snapshot.current = null;
  };

  const loadMore = async (stageId: string) => {
    const col = columns.find((c) => c.stage.id === stageId);
    if (!col?.nextCursor) return;
    setLoadingMore(stageId);
    try {
      const res = await getBoard(pipelineId, { ...filters, stageId, cursor: col.nextCursor });
      const more = res.columns[0];
      if (more) setColumns((cs) => cs.map((c) => (c.stage.id === stageId ? { ...c, deals: [...c.deals, ...more.deals.filter((d) => !c.deals.some((x) => x.id === d.id))], nextCursor: more.nextCursor } : c)));
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setLoadingMore(null);
    }
  };

  const total = useMemo(() => columns.reduce((n, c) => n + c.count, 0), [columns]);

  if (board.isPending) {
    return (
      <div className="flex gap-3 overflow-hidden" role="status" aria-busy="true" aria-label="Loading the board">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-72 w-72 shrink-0 rounded-xl" />
        ))}
      </div>
    );
  }
  if (board.isError) return <Alert tone="error">{errorMessage(board.error)}</Alert>;

  return (
    <>
      {total === 0 && !filters.q && !filters.ownerId && !filters.tag ? (
        <EmptyState icon={SquareKanban} title="No open deals in this pipeline" description="Use “New deal” to add one; it starts in the first stage." className="py-6" />
      ) : null}
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
        accessibility={{ announcements, screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS } }}
      >
        <div className="flex gap-3 overflow-x-auto pb-3" data-testid="deals-board">
          {columns.map((c) => (
            <BoardColumn key={c.stage.id} column={c} canMove={canMove} onLoadMore={() => loadMore(c.stage.id)} loadingMore={loadingMore === c.stage.id} />
          ))}
        </div>
        <DragOverlay>
          {active ? (
            <div className="w-68 rotate-1 rounded-lg border border-brand/40 bg-white p-2.5 shadow-lg">
              <DealCardBody deal={active} />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
    </>
  );
}
