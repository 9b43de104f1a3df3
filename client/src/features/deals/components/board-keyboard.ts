import type { BoardColumnDto } from "@shared/contracts/deals";
import { type CollisionDetection, closestCorners, KeyboardCode, type KeyboardCoordinateGetter } from "@dnd-kit/core";
import { columnDropId } from "./board-column";
import { locate } from "./board-moves";

const ARROWS: string[] = [KeyboardCode.Left, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Down];

/**
 * Keyboard moves on the board, one step per key: ArrowLeft/ArrowRight put the card at the top of the
 * neighbouring column, ArrowUp/ArrowDown over the previous/next card of its column. Positions come
 * from the board's columns (`getColumns` reads the latest), not from the nearest rectangle, which
 * used to leave the first ArrowRight over the card's own column.
 */
export function boardKeyboardCoordinates(getColumns: () => BoardColumnDto[]): KeyboardCoordinateGetter {
  return (event, { active, currentCoordinates, context }) => {
    if (!ARROWS.includes(event.code)) return undefined;
    event.preventDefault();
    const { collisionRect, droppableRects, over } = context;
    const columns = getColumns();
    const at = locate(columns, String(active));
    if (!collisionRect || !at) return currentCoordinates;
    if (event.code === KeyboardCode.Left || event.code === KeyboardCode.Right) {
      const column = columns[at.col + (event.code === KeyboardCode.Right ? 1 : -1)];
      const rect = column ? droppableRects.get(columnDropId(column.stage.id)) : undefined;
      if (!rect) return currentCoordinates;
      return { x: rect.left + (rect.width - collisionRect.width) / 2, y: rect.top + 8 };
    }
    // The card stays in its column's list until it is dropped; where it hovers is `over`.
    const deals = columns[at.col]!.deals;
    const overIndex = over ? deals.findIndex((d) => d.id === String(over.id)) : -1;
    const target = deals[(overIndex >= 0 ? overIndex : at.index) + (event.code === KeyboardCode.Down ? 1 : -1)];
    const rect = target ? droppableRects.get(target.id) : undefined;
    return rect ? { x: rect.left, y: rect.top } : currentCoordinates;
  };
}

/**
 * What a keyboard-dragged card is over: the card (other than itself) or else the column under its
 * centre; cards win over their column. Falls back to the nearest corners when nothing is under it.
 */
export const keyboardCollision: CollisionDetection = (args) => {
  const { active, collisionRect, droppableRects, droppableContainers } = args;
  const x = collisionRect.left + collisionRect.width / 2;
  const y = collisionRect.top + collisionRect.height / 2;
  const hits = droppableContainers
    .filter((c) => c.id !== active.id)
    .filter((c) => {
      const r = droppableRects.get(c.id);
      return !!r && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    })
    .sort((a, b) => Number(String(a.id).startsWith("column:")) - Number(String(b.id).startsWith("column:")))
    .map((c) => ({ id: c.id, data: { droppableContainer: c } }));
  return hits.length > 0 ? hits : closestCorners(args);
};
