import type { CurrencyTotals, DealDto, DealStatus } from "@shared/contracts/deals";
import { CalendarClock, Hourglass } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";

function digits(currency: string): number {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 1234500, "USD" → "$12,345" (no cents on whole amounts). */
export function formatMinor(amountMinor: number, currency: string): string {
  const value = amountMinor / 10 ** digits(currency);
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency, maximumFractionDigits: Number.isInteger(value) ? 0 : digits(currency) }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

/**
 * "12345.5" in a currency → minor units (null when not a number). A negative amount converts, so the
 * shared money rule in the contract rejects it with its own message.
 */
export function toMinor(text: string, currency: string): number | null {
  const value = Number(text.replace(/[,\s]/g, ""));
  if (text.trim() === "" || !Number.isFinite(value)) return null;
  return Math.round(value * 10 ** digits(currency));
}

/** Minor units → the plain number a form field shows. */
export function fromMinor(amountMinor: number, currency: string): string {
  return String(amountMinor / 10 ** digits(currency));
}

/** Totals in several currencies, e.g. "$12,000 · €3,000" (a dash when there are none). */
export function formatTotals(totals: CurrencyTotals[], key: "valueMinor" | "weightedMinor"): string {
  if (totals.length === 0) return "—";
  return totals.map((t) => formatMinor(t[key], t.currency)).join(" · ");
}

export const DEAL_STATUS_LABELS: Record<DealStatus, string> = { open: "Open", won: "Won", lost: "Lost" };

/** Open / Won / Lost. */
export function DealStatusBadge({ status }: { status: DealStatus }) {
  return <Badge tone={status === "won" ? "success" : status === "lost" ? "danger" : "info"}>{DEAL_STATUS_LABELS[status]}</Badge>;
}

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
function localToday(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** True when a date (YYYY-MM-DD) is before today in the browser's time zone. */
export function isPastDate(date: string | null | undefined, now = new Date()): boolean {
  return !!date && date < localToday(now);
}

/** An open deal whose expected close date has passed. */
export function isOverdue(deal: Pick<DealDto, "status" | "expectedCloseDate">, now = new Date()): boolean {
  return deal.status === "open" && isPastDate(deal.expectedCloseDate, now);
}

/** The "overdue" flag: open, and the expected close date has passed. */
export function OverdueBadge({ date }: { date: string }) {
  return (
    <Badge tone="danger" title={`Expected to close by ${formatDate(date)}`}>
      <CalendarClock className="size-3" aria-hidden />
      Overdue
    </Badge>
  );
}

/** The "rotting" flag: open and untouched for longer than the pipeline allows. */
export function RottingBadge({ since }: { since: string }) {
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 86_400_000));
  return (
    <Badge tone="warning" title={`No activity for ${days} day${days === 1 ? "" : "s"}`}>
      <Hourglass className="size-3" aria-hidden />
      Rotting
    </Badge>
  );
}
