import { CLIENT_STATUSES } from "@shared/contracts/clients";
import { Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { useDebouncedValue } from "@/lib/use-debounced-value";
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
  const [q, setQ] = useState(values.q);
  const [tag, setTag] = useState(values.tag);
  const debounced = useDebouncedValue(q, 300);
  const debouncedTag = useDebouncedValue(tag, 400);
  const synced = useRef({ q: values.q, tag: values.tag });

  // Typing updates the URL once the user pauses; URL changes (back button, clear) update the boxes.
  useEffect(() => {
    if (debounced === synced.current.q && debouncedTag === synced.current.tag) return;
    synced.current = { q: debounced, tag: debouncedTag.trim() };
    onChange({ q: debounced, tag: debouncedTag.trim() });
  }, [debounced, debouncedTag, onChange]);
  useEffect(() => {
    if (values.q !== synced.current.q) {
      synced.current.q = values.q;
      setQ(values.q);
    }
    if (values.tag !== synced.current.tag) {
      synced.current.tag = values.tag;
      setTag(values.tag);
    }
  }, [values.q, values.tag]);

  return (
    <div className="flex flex-col gap-2 border-b border-zinc-100 p-4 lg:flex-row lg:items-center">
      <div className="relative flex-1">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
        <Input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Search name, industry, website, tags, notes"
          aria-label="Search clients"
          className="pl-9"
        />
      </div>
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
