import type { LeadSource, LeadStatus } from "@shared/contracts/leads";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: "New",
  contacted: "Contacted",
  qualified: "Qualified",
  unqualified: "Unqualified",
  converted: "Converted",
};

export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = { form: "Web form", import: "Import", manual: "Added by hand", api: "API" };

const STATUS_TONES: Record<LeadStatus, BadgeTone> = { new: "info", contacted: "brand", qualified: "success", unqualified: "neutral", converted: "success" };

/** The lead's status as a coloured pill. */
export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{LEAD_STATUS_LABELS[status]}</Badge>;
}

/** A 0–100 score as a small meter with the number. */
export function LeadScore({ score, className }: { score: number; className?: string }) {
  const tone = score >= 70 ? "bg-emerald-500" : score >= 40 ? "bg-amber-500" : "bg-zinc-400";
  return (
    <span className={cn("inline-flex items-center gap-2 tabular-nums", className)} title={`Score ${score} of 100`}>
      <span className="h-1.5 w-12 overflow-hidden rounded-full bg-zinc-100" aria-hidden>
        <span className={cn("block h-full rounded-full", tone)} style={{ width: `${Math.max(0, Math.min(100, score))}%` }} />
      </span>
      <span className="text-xs font-medium text-zinc-700">
        <span className="sr-only">Score </span>
        {score}
      </span>
    </span>
  );
}

/** Tags as small neutral pills. */
export function LeadTags({ tags, max = 3 }: { tags: string[]; max?: number }) {
  if (tags.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <div className="flex flex-wrap gap-1">
      {tags.slice(0, max).map((t) => (
        <Badge key={t} tone="neutral" className="font-normal">
          {t}
        </Badge>
      ))}
      {tags.length > max ? <span className="text-xs text-zinc-500">+{tags.length - max}</span> : null}
    </div>
  );
}

/** "1200.50" in a currency → minor units, or null when empty/invalid. */
export function toMinorUnits(text: string, currency: string): number | null {
  const value = Number(text.replace(/[,\s]/g, ""));
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) return null;
  const digits = new Intl.NumberFormat(undefined, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(value * 10 ** digits);
}
