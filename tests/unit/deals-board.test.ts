import { describe, expect, it } from "vitest";
import type { BoardCardDto, BoardColumnDto } from "../../shared/contracts/deals";
import { locate, moveBody, moveCard } from "../../client/src/features/deals/components/board-moves";
import { positionAt } from "../../server/modules/deals/deals-move.service";

const deal = (id: string, valueMinor = 1000, currency: BoardCardDto["currency"] = "USD") =>
  ({ id, title: id, valueMinor, currency, timeInStageSeconds: 3600 }) as BoardCardDto;
const column = (stageId: string, probability: number, ids: string[]): BoardColumnDto => ({
  stage: { id: stageId, name: stageId, position: 0, probability },
  count: ids.length,
  totals: ids.length ? [{ currency: "USD", valueMinor: 1000 * ids.length, weightedMinor: 10 * probability * ids.length }] : [],
  deals: ids.map((id) => deal(id)),
  nextCursor: null,
});

describe("positionAt (server: fractional board positions)", () => {
  it("places between neighbours, before the first, after the last, or alone", () => {
    expect(positionAt([{ position: 1024 }, { position: 2048 }], 1)).toBe(1536);
    expect(positionAt([{ position: 1024 }], 0)).toBe(0);
    expect(positionAt([{ position: 1024 }], 1)).toBe(2048);
    expect(positionAt([], 0)).toBe(1024);
  });

  it("answers null when the gap is used up (the column gets re-spread)", () => {
    expect(positionAt([{ position: 1 }, { position: 1 + 1e-7 }], 1)).toBeNull();
  });
});

describe("board moves (client: optimistic kanban state)", () => {
  const board = () => [column("a", 10, ["d1", "d2", "d3"]), column("b", 50, ["d4"])];

  it("moves a card across columns, carrying counts and value totals with it", () => {
    const next = moveCard(board(), "d2", 1, 0);
    expect(next[0]!.deals.map((d) => d.id)).toEqual(["d1", "d3"]);
    expect(next[1]!.deals.map((d) => d.id)).toEqual(["d2", "d4"]);
    expect(next[1]!.deals[0]!.timeInStageSeconds).toBe(0);
    expect(moveCard(board(), "d2", 0, 0)[0]!.deals[0]!.timeInStageSeconds).toBe(3600);
    expect([next[0]!.count, next[1]!.count]).toEqual([2, 2]);
    expect(next[0]!.totals).toEqual([{ currency: "USD", valueMinor: 2000, weightedMinor: 200 }]);
    expect(next[1]!.totals).toEqual([{ currency: "USD", valueMinor: 2000, weightedMinor: 1000 }]);
    expect(locate(next, "d2")).toEqual({ col: 1, index: 0 });
  });

  it("asks the server for the move by the card's new neighbours", () => {
    const before = board();
    expect(moveBody(before, moveCard(before, "d2", 1, 0), "d2")).toEqual({ stageId: "b", beforeId: "d4" });
    expect(moveBody(before, moveCard(before, "d2", 1, 1), "d2")).toEqual({ stageId: "b", afterId: "d4" });
    expect(moveBody(before, moveCard(before, "d3", 0, 0), "d3")).toEqual({ stageId: "a", beforeId: "d1" });
    const empty = [column("a", 10, ["d1"]), column("b", 50, [])];
    expect(moveBody(empty, moveCard(empty, "d1", 1, 0), "d1")).toEqual({ stageId: "b", position: 0 });
  });

  it("sends nothing when a card is dropped where it was", () => {
    const before = board();
    expect(moveBody(before, moveCard(before, "d2", 0, 1), "d2")).toBeNull();
  });
});
