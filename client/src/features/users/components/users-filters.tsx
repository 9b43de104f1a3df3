import { ROLE_LABELS, ROLES, USER_STATUSES } from "@shared/constants/roles";
import { Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { STATUS_LABELS } from "./user-badges";

export interface UsersFilterValues {
  q: string;
  role: string;
  status: string;
}

/** Search box + role and status filters; the page keeps the values in the URL. */
export function UsersFilters({
  values,
  onChange,
  onClear,
  active,
}: {
  values: UsersFilterValues;
  onChange: (patch: Partial<UsersFilterValues>) => void;
  onClear: () => void;
  active: boolean;
}) {
  const [q, setQ] = useState(values.q);
  const debounced = useDebouncedValue(q, 300);

  const lastSynced = useRef(values.q);

  // Typing updates the URL once the user pauses; URL changes (back button, clear) update the box.
  useEffect(() => {
    if (debounced === lastSynced.current) return;
    lastSynced.current = debounced;
    onChange({ q: debounced });
  }, [debounced, onChange]);
  useEffect(() => {
    if (values.q === lastSynced.current) return;
    lastSynced.current = values.q;
    setQ(values.q);
  }, [values.q]);

  return (
    <div className="flex flex-col gap-2 border-b border-zinc-100 p-4 sm:flex-row sm:items-center">
      <div className="relative flex-1">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
        <Input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Search by name or email"
          aria-label="Search users"
          className="pl-9"
        />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex">
        <NativeSelect aria-label="Role" value={values.role} onChange={(e) => onChange({ role: e.target.value })} className="sm:w-40">
          <option value="">All roles</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect aria-label="Status" value={values.status} onChange={(e) => onChange({ status: e.target.value })} className="sm:w-36">
          <option value="">All statuses</option>
          {USER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
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
