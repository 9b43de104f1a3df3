import { LEAD_SOURCES, LEAD_STATUSES } from "@shared/contracts/leads";
import { X } from "lucide-react";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { SearchField } from "@/components/ui/search-field";
import { useUrlSyncedText } from "@/lib/use-url-synced-text";
import { LEAD_SOURCE_LABELS, LEAD_STATUS_LABELS } from "./lead-badges";
import type { PersonOption } from "./lead-form-fields";

export interface LeadsFilterValues {
  q: string;
  status: string;
  source: string;
  /** A user id, "unassigned", or "" for anyone. */
  owner: string;
  tag: string;
}

/** Search box + status, source, owner and tag filters; the page keeps the values in the URL. */
export function LeadsFilters({
  values,
  onChange,
  onClear,
  active,
  members,
  ownerFilter = true,
}: {
  values: LeadsFilterValues;
  onChange: (patch: Partial<LeadsFilterValues>) => void;
  onClear: () => void;
  active: boolean;
  members: PersonOption[];
  /** False for people who only see their own leads (the filter would show nothing else). */
  ownerFilter?: boolean;
}) {
  // Typing updates the URL once the user pauses; URL changes (back button, clear) update the boxes.
  const commitQ = useCallback((q: string) => onChange({ q }), [onChange]);
  const commitTag = useCallback((tag: string) => onChange({ tag }), [onChange]);
  const [q, setQ] = useUrlSyncedText(values.q, commitQ);
  const [tag, setTag] = useUrlSyncedText(values.tag, commitTag, 400);

  return (
    <div className="flex flex-col gap-2 border-b border-zinc-100 p-4 lg:flex-row lg:items-center">
      <SearchField value={q} onChange={setQ} label="Search leads" placeholder="Search name, company, email, phone, tags" />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:flex">
        <NativeSelect aria-label="Status" value={values.status} onChange={(e) => onChange({ status: e.target.value })} className="lg:w-36">
          <option value="">All statuses</option>
          {LEAD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {LEAD_STATUS_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect aria-label="Source" value={values.source} onChange={(e) => onChange({ source: e.target.value })} className="lg:w-36">
          <option value="">All sources</option>
          {LEAD_SOURCES.map((s) => (
            <option key={s} value={s}>
              {LEAD_SOURCE_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
        {ownerFilter ? (
          <NativeSelect aria-label="Owner" value={values.owner} onChange={(e) => onChange({ owner: e.target.value })} className="lg:w-44">
            <option value="">Any owner</option>
            <option value="unassigned">Unassigned</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </NativeSelect>
        ) : null}
        <Input value={tag} onChange={(e) => setTag(e.target.value)} placeholder="Tag" aria-label="Tag" className="lg:w-32" />
      </div>
      {active ? (
        <Button variant="ghost" size="sm" onClick={onClear}>
          <X aria-hidden />
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
