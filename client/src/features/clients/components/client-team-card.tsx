import type { ClientDto } from "@shared/contracts/clients";
import { useEffect, useId, useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, NativeSelect } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { initials } from "@/lib/format";
import { useSetAssignees } from "../api/set-assignees";
import { useUpdateClient } from "../api/update-client";
import type { PersonOption } from "./client-form-fields";

/** Owner and assigned team members of a client. */
export function ClientTeamCard({ client, members, onSaved }: { client: ClientDto; members: PersonOption[]; onSaved?: () => void }) {
  const [ownerId, setOwnerId] = useState(client.owner?.id ?? "");
  const [assigned, setAssigned] = useState<Set<string>>(() => new Set(client.assignees.map((a) => a.id)));
  const [filter, setFilter] = useState("");
  const baseId = useId();
  const update = useUpdateClient();
  const setAssignees = useSetAssignees();
  const canOwner = client.abilities.update;
  const canAssign = client.abilities.manageAssignees;

  useEffect(() => {
    setOwnerId(client.owner?.id ?? "");
    setAssigned(new Set(client.assignees.map((a) => a.id)));
  }, [client]);

  // People no longer active still show, so they can be unassigned.
  const people = useMemo(() => {
    const byId = new Map(members.map((m) => [m.id, m]));
    for (const p of [...client.assignees, ...(client.owner ? [client.owner] : [])]) if (!byId.has(p.id)) byId.set(p.id, p);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [members, client]);
  const shown = people.filter((p) => p.name.toLowerCase().includes(filter.trim().toLowerCase()));

  const ownerChanged = ownerId !== (client.owner?.id ?? "");
  const before = new Set(client.assignees.map((a) => a.id));
  const assigneesChanged = assigned.size !== before.size || [...assigned].some((id) => !before.has(id));
  const pending = update.isPending || setAssignees.isPending;

  const save = async () => {
    try {
      if (ownerChanged) await update.mutateAsync({ id: client.id, body: { ownerId: ownerId || null } });
      if (assigneesChanged) await setAssignees.mutateAsync({ id: client.id, userIds: [...assigned] });
      toast.success("Team saved.");
      onSaved?.();
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  const toggle = (id: string) =>
    setAssigned((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Card>
      <CardHeader title="Team" description="The owner is accountable for the client; assigned members can see and work on it." />
      <CardBody className="space-y-5">
        <FormField label="Owner" className="max-w-sm">
          {(f) => (
            <NativeSelect {...f} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} disabled={!canOwner}>
              <option value="">No owner</option>
              {people.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <fieldset disabled={!canAssign} className="min-w-0 space-y-2">
          <legend className="text-sm font-medium text-zinc-800">
            Assigned members <span className="font-normal text-zinc-500">({assigned.size})</span>
          </legend>
          {people.length > 8 ? (
            <Input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter people" aria-label="Filter people" className="max-w-sm" />
          ) : null}
          <ul className="grid gap-1 sm:grid-cols-2" data-testid="assignee-list">
            {shown.map((p) => (
              <li key={p.id} className="flex items-center gap-2.5 rounded-md px-2 py-1.5 hover:bg-zinc-50">
                <Checkbox id={`${baseId}-${p.id}`} checked={assigned.has(p.id)} onChange={() => toggle(p.id)} />
                <label htmlFor={`${baseId}-${p.id}`} className="flex min-w-0 flex-1 cursor-pointer items-center gap-2 text-sm">
                  <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-[10px] font-semibold text-zinc-600" aria-hidden>
                    {initials(p.name)}
                  </span>
                  <span className="truncate">{p.name}</span>
                </label>
              </li>
            ))}
            {shown.length === 0 ? <li className="px-2 text-sm text-zinc-500">Nobody matches.</li> : null}
          </ul>
          {!canAssign ? <p className="text-xs text-zinc-500">You can't change who is assigned to this client.</p> : null}
        </fieldset>
        {canOwner || canAssign ? (
          <div className="flex justify-end border-t border-zinc-100 pt-4">
            <Button onClick={save} loading={pending} disabled={!ownerChanged && !assigneesChanged}>
              Save team
            </Button>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
