import type { BoardCardDto, BoardColumnDto, CurrencyTotals, MoveDealBody } from "@shared/contracts/deals";

/** Where a deal sits: its column index and index within the column (or null). */
export function locate(columns: BoardColumnDto[], dealId: string): { col: number; index: number } | null {
  for (const [col, c] of columns.entries()) {
    const index = c.deals.findIndex((d) => d.id === dealId);
    if (index >= 0) return { col, index };
  }
  return null;
}

/** The column index a drop target (a deal or a column) belongs to. */
export function columnOf(columns: BoardColumnDto[], overId: string): number {
  if (overId.startsWith("column:")) return columns.findIndex((c) => c.stage.id === overId.slice("column:".length));
  return locate(columns, overId)?.col ?? -1;
}

function adjustTotals(totals: CurrencyTotals[], deal: BoardCardDto, probability: number, sign: 1 | -1): CurrencyTotals[] {
  const weighted = Math.round((deal.valueMinor * probability) / 100);
  const found = totals.some((t) => t.currency === deal.currency);
  const next = (found ? totals : [...totals, { currency: deal.currency, valueMinor: 0, weightedMinor: 0 }]).map((t) =>
    t.currency === deal.currency ? { ...t, valueMinor: t.valueMinor + sign * deal.valueMinor, weightedMinor: t.weightedMinor + sign * weighted } : t,
  );
  return next.filter((t) => t.valueMinor !== 0 || t.weightedMinor !== 0).sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Moves a card to column `to` at `index` (optimistically: counts and totals follow it). */
export function moveCard(columns: BoardColumnDto[], dealId: string, to: number, index: number): BoardColumnDto[] {
  const from = locate(columns, dealId);
  if (!from) return columns;
  const deal = columns[from.col]!.deals[from.index]!;
  // In another stage its time there starts again.
  const moved: BoardCardDto = from.col === to ? deal : { ...deal, timeInStageSeconds: 0 };
  return columns.map((c, i) => {
    let deals = c.deals;
    let { count, totals } = c;
    if (i === from.col) {
      deals = deals.filter((d) => d.id !== dealId);
      if (from.col !== to) {
        count -= 1;
        totals = adjustTotals(totals, deal, c.stage.probability, -1);
      }
    }
    if (i === to) {
      deals = [...deals];
      deals.splice(Math.min(index, deals.length), 0, moved);
      if (from.col !== to) {
        count += 1;
        totals = adjustTotals(totals, moved, c.stage.probability, 1);
      }
    }
    return deals === c.deals ? c : { ...c, deals, count, totals };
  });
}

/** The API body for the card's place in `columns` (its neighbours), or null when nothing changed since `before`. */
export function moveBody(before: BoardColumnDto[], after: BoardColumnDto[], dealId: string): MoveDealBody | null {
  const was = locate(before, dealId);
  const now = locate(after, dealId);
  if (!was || !now) return null;
  const col = after[now.col]!;
  const prev = col.deals[now.index - 1];
  const next = col.deals[now.index + 1];
  const wasCol = before[was.col]!;
  const unchanged = was.col === now.col && wasCol.deals[was.index - 1]?.id === prev?.id && wasCol.deals[was.index + 1]?.id === next?.id;
  if (unchanged) return null;
  const stageId = col.stage.id;
  if (next) return { stageId, beforeId: next.id };
  if (prev) return { stageId, afterId: prev.id };
  return { stageId, position: 0 };
}
