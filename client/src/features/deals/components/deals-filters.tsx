import { DEAL_STATUSES } from "@shared/contracts/deals";
import type { StageDto } from "@shared/contracts/pipelines";
import { FilterBar, OwnerFilter } from "@/components/lists/filter-bar";
import { Checkbox, NativeSelect } from "@/components/ui/input";
import { DEAL_STATUS_LABELS } from "./deal-format";

export interface DealsFilterValues {
  q: string;
  stageId: string;
  status: string;
  ownerId: string;
  tag: string;
  rotting: string;
}

/** Search plus stage, status, owner, tag and "rotting only" filters (`board` hides the list-only ones). */
export function DealsFilters({
  values,
  onChange,
  onClear,
  active,
  members,
  stages,
  board = false,
  ownerFilter = true,
}: {
  values: DealsFilterValues;
  onChange: (patch: Partial<DealsFilterValues>) => void;
  onClear: () => void;
  active: boolean;
  members: { id: string; name: string }[];
  stages: StageDto[];
  board?: boolean;
  /** False for people who only see their own deals (the filter would show nothing else). */
  ownerFilter?: boolean;
}) {
  return (
    <FilterBar
      search={{ value: values.q, label: "Search deals", placeholder: "Search title and tags" }}
      tag={{ value: values.tag, className: "lg:w-28" }}
      onChange={onChange}
      onClear={onClear}
      active={active}
      after={
        board ? null : (
          <label htmlFor="deals-rotting-only" className="flex items-center gap-2 text-sm whitespace-nowrap text-zinc-700">
            <Checkbox id="deals-rotting-only" checked={values.rotting === "true"} onChange={(e) => onChange({ rotting: e.target.checked ? "true" : "" })} />
            Rotting only
          </label>
        )
      }
    >
      {board ? null : (
        <>
          <NativeSelect aria-label="Stage" value={values.stageId} onChange={(e) => onChange({ stageId: e.target.value })} className="lg:w-40">
            <option value="">All stages</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect aria-label="Status" value={values.status} onChange={(e) => onChange({ status: e.target.value })} className="lg:w-32">
            <option value="">Any status</option>
            {DEAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DEAL_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </>
      )}
      {ownerFilter ? <OwnerFilter value={values.ownerId} onChange={(ownerId) => onChange({ ownerId })} members={members} className="lg:w-40" /> : null}
    </FilterBar>
  );
}
