import { CLIENT_STATUSES } from "@shared/contracts/clients";
import { X } from "lucide-react";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { SearchField } from "@/components/ui/search-field";
import { useUrlSyncedText } from "@/lib/use-url-synced-text";
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
  // Typing updates the URL once the user pauses; URL changes (back button, clear) update the boxes.
  const commitQ = useCallback((q: string) => onChange({ q }), [onChange]);
  const commitTag = useCallback((tag: string) => onChange({ tag }), [onChange]);
  const [q, setQ] = useUrlSyncedText(values.q, commitQ);
  const [tag, setTag] = useUrlSyncedText(values.tag, commitTag, 400);

  return (
    <div className="flex flex-col gap-2 border-b border-zinc-100 p-4 lg:flex-row lg:items-center">
      <SearchField value={q} onChange={setQ} label="Search clients" placeholder="Search name, industry, website, tags, notes" />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:flex">
        <NativeSelect aria-label="Status" value={values.status} onChange={(e) => onChange({ status: e.target.value })} className="lg:w-36">
          <option value="">All statuses</option>
          {CLIENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CLIENT_STATUS_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect aria-label="Owner" value={values.ownerId} onChange={(e) => onChange({ ownerId: e.target.value })} className="lg:w-44">
          <option value="">Any owner</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </NativeSelect>
        <Input value={tag} onChange={(e) => setTag(e.target.value)} placeholder="Tag" aria-label="Tag" className="col-span-2 sm:col-span-1 lg:w-32" />
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
