import { DEAL_STATUSES } from "@shared/contracts/deals";
import type { StageDto } from "@shared/contracts/pipelines";
import { X } from "lucide-react";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, NativeSelect } from "@/components/ui/input";
import { SearchField } from "@/components/ui/search-field";
import { useUrlSyncedText } from "@/lib/use-url-synced-text";
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
}: {
  values: DealsFilterValues;
  onChange: (patch: Partial<DealsFilterValues>) => void;
  onClear: () => void;
  active: boolean;
  members: { id: string; name: string }[];
  stages: StageDto[];
  board?: boolean;
}) {
  const commitQ = useCallback((q: string) => onChange({ q }), [onChange]);
  const commitTag = useCallback((tag: string) => onChange({ tag }), [onChange]);
  const [q, setQ] = useUrlSyncedText(values.q, commitQ);
  const [tag, setTag] = useUrlSyncedText(values.tag, commitTag, 400);
  return (
    <div className="flex flex-col gap-2 border-b border-zinc-100 p-4 lg:flex-row lg:items-center">
      <SearchField value={q} onChange={setQ} label="Search deals" placeholder="Search title and tags" />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:flex lg:items-center">
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
        <NativeSelect aria-label="Owner" value={values.ownerId} onChange={(e) => onChange({ ownerId: e.target.value })} className="lg:w-40">
          <option value="">Any owner</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </NativeSelect>
        <Input value={tag} onChange={(e) => setTag(e.target.value)} placeholder="Tag" aria-label="Tag" className="lg:w-28" />
        {board ? null : (
          <label htmlFor="deals-rotting-only" className="flex items-center gap-2 text-sm whitespace-nowrap text-zinc-700">
            <Checkbox id="deals-rotting-only" checked={values.rotting === "true"} onChange={(e) => onChange({ rotting: e.target.checked ? "true" : "" })} />
            Rotting only
          </label>
        )}
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
