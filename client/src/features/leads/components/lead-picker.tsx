import type { LeadDto } from "@shared/contracts/leads";
import { useId, useState } from "react";
import { SearchField } from "@/components/ui/search-field";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/api-client";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useLeads } from "../api/get-leads";
import { LeadStatusBadge } from "./lead-badges";

/**
 * Pick one lead the user can see: a search box (typo-tolerant, like the list) over the ten best
 * matches, each a radio button. `open` leaves out converted leads.
 */
export function LeadPicker({
  value,
  onChange,
  label = "Find a lead",
  open = false,
}: {
  value: string | null;
  onChange: (lead: LeadDto) => void;
  label?: string;
  open?: boolean;
}) {
  const [query, setQuery] = useState("");
  const name = useId();
  const q = useDebouncedValue(query.trim(), 250);
  const leads = useLeads({ q: q || undefined, sort: q ? "relevance" : "createdAt", order: "desc", limit: 10 });
  const rows = (leads.data?.data ?? []).filter((l) => !open || l.status !== "converted");
  return (
    <div className="space-y-2" data-testid="lead-picker">
      <SearchField value={query} onChange={setQuery} label={label} placeholder="Search name, company or email" />
      <div role="radiogroup" aria-label="Matching leads" className="max-h-56 overflow-y-auto rounded-lg border border-zinc-200">
        {leads.isPending ? (
          <div className="space-y-2 p-3">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4 w-1/2" />
          </div>
        ) : leads.isError ? (
          <p className="p-3 text-sm text-red-600">Couldn't load leads: {errorMessage(leads.error)}</p>
        ) : rows.length === 0 ? (
          <p className="p-3 text-sm text-zinc-500">{q ? `No leads match “${q}”.` : "No leads yet."}</p>
        ) : (
          rows.map((l) => (
            <label key={l.id} className="flex cursor-pointer items-center gap-2 border-b border-zinc-100 px-3 py-2 text-sm last:border-b-0 hover:bg-zinc-50">
              <input type="radio" name={name} checked={value === l.id} onChange={() => onChange(l)} className="size-4 accent-[var(--brand)]" />
              <span className="min-w-0 flex-1 truncate">
                <span className="font-medium text-zinc-900">{l.name}</span>
                {l.company ? <span className="text-zinc-500"> · {l.company}</span> : null}
              </span>
              <LeadStatusBadge status={l.status} />
            </label>
          ))
        )}
      </div>
    </div>
  );
}
