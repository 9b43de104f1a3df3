import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export interface AuditFilterValues {
  action: string;
  entityType: string;
  actorId: string;
  from: string;
  to: string;
}

const ACTION_HINTS = [
  "auth.",
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "auth.password_reset",
  "user.",
  "user.invited",
  "user.invite_accepted",
  "user.updated",
  "user.deactivated",
  "user.reactivated",
  "profile.",
  "role.permissions_updated",
  "workspace.updated",
  "job.retried",
];
const ENTITY_HINTS = ["user", "session", "role", "workspace", "job"];

/** Action, entity type, actor and date-range filters (values live in the URL). */
export function AuditFilters({
  values,
  onChange,
  onClear,
  active,
  actors,
}: {
  values: AuditFilterValues;
  onChange: (patch: Partial<AuditFilterValues>) => void;
  onClear: () => void;
  active: boolean;
  /** null when the viewer may not list users: the actor filter is hidden. */
  actors: { id: string; name: string }[] | null;
}) {
  return (
    <div className="grid grid-cols-2 gap-3 border-b border-zinc-100 p-4 lg:grid-cols-5">
      <div className="col-span-2 space-y-1 lg:col-span-1">
        <Label htmlFor="audit-action" className="text-xs text-zinc-600">
          Action
        </Label>
        <Input
          id="audit-action"
          list="audit-action-hints"
          placeholder="e.g. user. or auth.login"
          defaultValue={values.action}
          key={`action-${values.action}`}
          onBlur={(e) => onChange({ action: e.target.value.trim() })}
          onKeyDown={(e) => e.key === "Enter" && onChange({ action: e.currentTarget.value.trim() })}
        />
        <datalist id="audit-action-hints">
          {ACTION_HINTS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </div>
      <div className="space-y-1">
        <Label htmlFor="audit-entity" className="text-xs text-zinc-600">
          Entity type
        </Label>
        <NativeSelect id="audit-entity" value={values.entityType} onChange={(e) => onChange({ entityType: e.target.value })}>
          <option value="">Any entity</option>
          {[...new Set([...ENTITY_HINTS, ...(values.entityType ? [values.entityType] : [])])].map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </NativeSelect>
      </div>
      {actors ? (
        <div className="space-y-1">
          <Label htmlFor="audit-actor" className="text-xs text-zinc-600">
            Actor
          </Label>
          <NativeSelect id="audit-actor" value={values.actorId} onChange={(e) => onChange({ actorId: e.target.value })}>
            <option value="">Anyone</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </NativeSelect>
        </div>
      ) : null}
      <div className="space-y-1">
        <Label htmlFor="audit-from" className="text-xs text-zinc-600">
          From
        </Label>
        <Input id="audit-from" type="date" value={values.from} max={values.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="audit-to" className="text-xs text-zinc-600">
          To
        </Label>
        <div className="flex gap-2">
          <Input id="audit-to" type="date" className="w-auto min-w-0 flex-1" value={values.to} min={values.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
          {active ? (
            <Button variant="ghost" size="icon" onClick={onClear} aria-label="Clear filters" title="Clear filters">
              <X aria-hidden />
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** "2026-03-01" (local day) → ISO instant at its start; `endExclusive` gives the next day's start. */
export function dayToIso(day: string, endExclusive = false): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endExclusive ? 1 : 0));
  return date.toISOString();
}
