import { CLIENT_STATUSES } from "@shared/contracts/clients";
import { FilterBar, OwnerFilter } from "@/components/lists/filter-bar";
import { NativeSelect } from "@/components/ui/input";
import { CLIENT_STATUS_LABELS } from "./client-badges";
import type { PersonOption } from "./client-form-fields";

export interface ClientsFilterValues {
  q: string;
  status: string;
  ownerId: string;
  tag: string;
}

/** Search box + status, owner and tag filters; the page keeps the values in the URL. */
export function ClientsFilters({
  values,
  onChange,
  onClear,
  active,
  members,
}: {
  values: ClientsFilterValues;
  onChange: (patch: Partial<ClientsFilterValues>) => void;
  onClear: () => void;
  active: boolean;
  members: PersonOption[];
}) {
  return (
    <FilterBar
      search={{ value: values.q, label: "Search clients", placeholder: "Search name, industry, website, tags, notes" }}
      tag={{ value: values.tag, className: "col-span-2 sm:col-span-1 lg:w-32" }}
      onChange={onChange}
      onClear={onClear}
      active={active}
    >
      <NativeSelect aria-label="Status" value={values.status} onChange={(e) => onChange({ status: e.target.value })} className="lg:w-36">
        <option value="">All statuses</option>
        {CLIENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {CLIENT_STATUS_LABELS[s]}
          </option>
        ))}
      </NativeSelect>
      <OwnerFilter value={values.ownerId} onChange={(ownerId) => onChange({ ownerId })} members={members} />
    </FilterBar>
  );
}
