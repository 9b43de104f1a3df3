import { ROLE_LABELS, ROLES, USER_STATUSES } from "@shared/constants/roles";
import { X } from "lucide-react";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { SearchField } from "@/components/ui/search-field";
import { useUrlSyncedText } from "@/lib/use-url-synced-text";
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
  // Typing updates the URL once the user pauses; URL changes (back button, clear) update the box.
  const commitQ = useCallback((q: string) => onChange({ q }), [onChange]);
  const [q, setQ] = useUrlSyncedText(values.q, commitQ);

  return (
    <div className="flex flex-col gap-2 border-b border-zinc-100 p-4 sm:flex-row sm:items-center">
      <SearchField value={q} onChange={setQ} label="Search users" placeholder="Search by name or email" />
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
