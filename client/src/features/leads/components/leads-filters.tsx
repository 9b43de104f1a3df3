import { LEAD_SOURCES, LEAD_STATUSES } from "@shared/contracts/leads";
import { FilterBar, OwnerFilter } from "@/components/lists/filter-bar";
import { NativeSelect } from "@/components/ui/input";
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
  return (
    <FilterBar
      search={{ value: values.q, label: "Search leads", placeholder: "Search name, company, email, phone, tags" }}
      tag={{ value: values.tag }}
      className="sm:grid-cols-4"
      onChange={onChange}
      onClear={onClear}
      active={active}
    >
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
      {ownerFilter ? <OwnerFilter value={values.owner} onChange={(owner) => onChange({ owner })} members={members} unassigned /> : null}
    </FilterBar>
  );
}
