import type { ClientStatus, Money } from "@shared/contracts/clients";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  prospect: "Prospect",
  active: "Active",
  paused: "Paused",
  churned: "Churned",
};

const STATUS_TONES: Record<ClientStatus, BadgeTone> = { prospect: "info", active: "success", paused: "warning", churned: "neutral" };

/** The client's status as a coloured pill. */
export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{CLIENT_STATUS_LABELS[status]}</Badge>;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Minor units → "$1,200.00" in the money's own currency (JPY has no minor unit). */
export function formatMoney(money: Money | null): string {
  if (!money) return "—";
  let fmt = moneyFormats.get(money.currency);
  if (!fmt) {
    fmt = new Intl.NumberFormat(undefined, { style: "currency", currency: money.currency });
    moneyFormats.set(money.currency, fmt);
  }
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(money.amountMinor / 10 ** digits);
}

/** Major-unit text typed in a form ("1200.50") → minor units, or null when empty/invalid. */
export function toMinorUnits(text: string, currency: string): number | null {
  const value = Number(text.replace(/[,\s]/g, ""));
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) return null;
  const digits = new Intl.NumberFormat(undefined, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(value * 10 ** digits);
}

/** Minor units → the plain number shown in a form field. */
export function fromMinorUnits(money: Money | null): string {
  if (!money) return "";
  const digits = new Intl.NumberFormat(undefined, { style: "currency", currency: money.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return String(money.amountMinor / 10 ** digits);
}

/** Tags as small neutral pills. */
export function TagList({ tags, max = 3 }: { tags: string[]; max?: number }) {
  if (tags.length === 0) return <span className="text-zinc-400">—</span>;
  const shown = tags.slice(0, max);
  return (
    <div className="flex flex-wrap gap-1">
      {shown.map((t) => (
        <Badge key={t} tone="neutral" className="font-normal">
          {t}
        </Badge>
      ))}
      {tags.length > max ? <span className="text-xs text-zinc-500">+{tags.length - max}</span> : null}
    </div>
  );
}
