import type { RuleCondition } from "@shared/contracts/assignment-rules";
import {
  type AutomationAction,
  type AutomationDto,
  type AutomationTrigger,
  CreateAutomationBody,
} from "@shared/contracts/automations";
import { EDITABLE_LEAD_STATUSES, LEAD_STATUSES } from "@shared/contracts/leads";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { toast } from "sonner";
import { type ConditionCustomField, ConditionsEditor, normaliseConditions } from "@/components/crm/conditions-editor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { ApiError, errorMessage } from "@/lib/api-client";
import { issueField } from "@/lib/form-errors";
import { useSaveAutomation } from "../api/automations";

export const ACTION_LABELS: Record<AutomationAction["type"], string> = {
  assign: "Assign the lead",
  set_status: "Set the status",
  add_tag: "Add a tag",
  remove_tag: "Remove a tag",
  add_note: "Add a note",
  notify_user: "Email a team member",
};

export const STATUS_LABELS: Record<(typeof LEAD_STATUSES)[number], string> = {
  new: "New",
  contacted: "Contacted",
  qualified: "Qualified",
  unqualified: "Unqualified",
  converted: "Converted",
};

/** "When a lead is created", "When a lead moves to Qualified", "When a lead has no activity for 7 days". */
export function describeTrigger(t: AutomationTrigger): string {
  if (t.type === "lead_created") return "When a lead is created";
  if (t.type === "lead_inactive") return `When a lead has no activity for ${t.days} day${t.days === 1 ? "" : "s"}`;
  const from = t.from ? ` from ${STATUS_LABELS[t.from]}` : "";
  const to = t.to ? ` to ${STATUS_LABELS[t.to]}` : "";
  return from || to ? `When a lead's status changes${from}${to}` : "When a lead's status changes";
}

function defaultAction(type: AutomationAction["type"]): AutomationAction {
  switch (type) {
    case "assign":
      return { type, userId: null };
    case "set_status":
      return { type, status: "contacted" };
    case "add_tag":
    case "remove_tag":
      return { type, tag: "" };
    case "add_note":
      return { type, body: "" };
    case "notify_user":
      return { type, userId: null, message: "" };
  }
}

interface Draft {
  name: string;
  enabled: boolean;
  trigger: AutomationTrigger;
  conditions: RuleCondition[];
  actions: AutomationAction[];
}

const EMPTY: Draft = { name: "", enabled: true, trigger: { type: "lead_created" }, conditions: [], actions: [{ type: "add_tag", tag: "" }] };

function draftOf(a?: AutomationDto): Draft {
  return a ? { name: a.name, enabled: a.enabled, trigger: a.trigger, conditions: a.conditions, actions: a.actions } : EMPTY;
}

/** Issue messages keyed by path without the body prefix ("actions.0.tag"). */
function issuesOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries((error.details?.issues ?? []).map((i) => [issueField(i.path), i.message]));
}

function ActionFields({
  action,
  onChange,
  members,
  owners,
  error,
}: {
  action: AutomationAction;
  onChange: (a: AutomationAction) => void;
  members: { id: string; name: string }[];
  owners: { id: string; name: string }[];
  error: (field: string) => string | undefined;
}) {
  switch (action.type) {
    case "assign":
      return (
        <FormField label="Assign to" error={error("userId")}>
          {(f) => (
            <NativeSelect {...f} value={action.userId ?? ""} onChange={(e) => onChange({ ...action, userId: e.target.value || null })}>
              <option value="">Whoever the assignment rules choose</option>
              {owners.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
      );
    case "set_status":
      return (
        <FormField label="Status" error={error("status")}>
          {(f) => (
            <NativeSelect {...f} value={action.status} onChange={(e) => onChange({ ...action, status: e.target.value as (typeof EDITABLE_LEAD_STATUSES)[number] })}>
              {EDITABLE_LEAD_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
      );
    case "add_tag":
    case "remove_tag":
      return (
        <FormField label="Tag" error={error("tag")}>
          {(f) => <Input {...f} value={action.tag} onChange={(e) => onChange({ ...action, tag: e.target.value })} placeholder="e.g. hot" />}
        </FormField>
      );
    case "add_note":
      return (
        <FormField label="Note" error={error("body")} hint="{{lead.name}}, {{lead.company}} and {{lead.email}} are filled in.">
          {(f) => <Textarea {...f} rows={3} value={action.body} onChange={(e) => onChange({ ...action, body: e.target.value })} />}
        </FormField>
      );
    case "notify_user":
      return (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="Who" error={error("userId")} hint="Someone who cannot see the lead is not emailed.">
            {(f) => (
              <NativeSelect {...f} value={action.userId ?? ""} onChange={(e) => onChange({ ...action, userId: e.target.value || null })}>
                <option value="">The lead's owner</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <FormField label="Message" error={error("message")}>
            {(f) => <Input {...f} value={action.message} onChange={(e) => onChange({ ...action, message: e.target.value })} placeholder="A hot lead needs you" />}
          </FormField>
        </div>
      );
  }
}

/**
 * Create (no `automation`) or edit an automation: trigger, conditions and ordered actions, checked
 * with the same schema as the API before sending; server field errors land on their inputs.
 */
export function AutomationEditor({
  automation,
  trigger,
  members,
  owners,
  customFields,
}: {
  automation?: AutomationDto;
  trigger: ReactNode;
  /** Active team members, for "notify". */
  members: { id: string; name: string }[];
  /** Who may own leads, for "assign". */
  owners: { id: string; name: string }[];
  customFields: ConditionCustomField[];
}) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(draftOf(automation));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const save = useSaveAutomation();
  const enabledId = useId();

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setDraft(draftOf(automation));
      setIssues({});
      save.reset();
    }
  };
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setAction = (i: number, a: AutomationAction) => set({ actions: draft.actions.map((x, j) => (j === i ? a : x)) });
  const move = (i: number, by: number) => {
    const next = [...draft.actions];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    set({ actions: next });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = CreateAutomationBody.safeParse({ ...draft, conditions: normaliseConditions(draft.conditions) });
    if (!parsed.success) {
      setIssues(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
      return;
    }
    setIssues({});
    save.mutate(
      { id: automation?.id, body: parsed.data },
      {
        onSuccess: (saved) => {
          toast.success(automation ? `${saved.name} was saved.` : `${saved.name} was created.`);
          setOpen(false);
        },
        onError: (error) => setIssues(issuesOf(error)),
      },
    );
  };

  const conditionErrors = Object.fromEntries(
    Object.entries(issues)
      .filter(([k]) => k.startsWith("conditions."))
      .map(([k, v]) => [Number(k.split(".")[1]), v]),
  );
  const t = draft.trigger;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={automation ? `Edit ${automation.name}` : "New automation"} className="max-w-2xl">
        <form onSubmit={submit} noValidate className="space-y-5">
          {save.isError && Object.keys(issues).length === 0 ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
          <div className="flex items-end gap-4">
            <FormField label="Name" error={issues.name} className="flex-1">
              {(f) => <Input {...f} value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder="e.g. Welcome UK leads" />}
            </FormField>
            <div className="flex items-center gap-2 pb-2">
              <Switch id={enabledId} checked={draft.enabled} onCheckedChange={(enabled) => set({ enabled })} />
              <label htmlFor={enabledId} className="text-sm text-zinc-700">
                On
              </label>
            </div>
          </div>

          <section className="space-y-3 rounded-lg border border-zinc-200 p-4">
            <h3 className="text-sm font-semibold text-zinc-900">When</h3>
            <div className="grid gap-3 sm:grid-cols-3">
              <FormField label="Trigger" className="sm:col-span-1">
                {(f) => (
                  <NativeSelect
                    {...f}
                    value={t.type}
                    onChange={(e) => {
                      const type = e.target.value as AutomationTrigger["type"];
                      set({ trigger: type === "lead_inactive" ? { type, days: 7 } : { type } });
                    }}
                  >
                    <option value="lead_created">A lead is created</option>
                    <option value="lead_status_changed">A lead's status changes</option>
                    <option value="lead_inactive">A lead has no activity</option>
                  </NativeSelect>
                )}
              </FormField>
              {t.type === "lead_status_changed" ? (
                <>
                  <FormField label="From">
                    {(f) => (
                      <NativeSelect {...f} value={t.from ?? ""} onChange={(e) => set({ trigger: { ...t, from: (e.target.value || undefined) as typeof t.from } })}>
                        <option value="">Any status</option>
                        {LEAD_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {STATUS_LABELS[s]}
                          </option>
                        ))}
                      </NativeSelect>
                    )}
                  </FormField>
                  <FormField label="To">
                    {(f) => (
                      <NativeSelect {...f} value={t.to ?? ""} onChange={(e) => set({ trigger: { ...t, to: (e.target.value || undefined) as typeof t.to } })}>
                        <option value="">Any status</option>
                        {LEAD_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {STATUS_LABELS[s]}
                          </option>
                        ))}
                      </NativeSelect>
                    )}
                  </FormField>
                </>
              ) : null}
              {t.type === "lead_inactive" ? (
                <FormField label="For (days)" error={issues["trigger.days"]}>
                  {(f) => <Input {...f} type="number" min={1} max={365} value={t.days} onChange={(e) => set({ trigger: { type: "lead_inactive", days: Number(e.target.value) } })} />}
                </FormField>
              ) : null}
            </div>
            <ConditionsEditor value={draft.conditions} onChange={(conditions) => set({ conditions })} customFields={customFields} errors={conditionErrors} />
          </section>

          <section className="space-y-3 rounded-lg border border-zinc-200 p-4">
            <h3 className="text-sm font-semibold text-zinc-900">Then, in order</h3>
            {issues.actions ? (
              <p className="text-xs font-medium text-red-600" role="alert">
                {issues.actions}
              </p>
            ) : null}
            <ol className="space-y-3">
              {draft.actions.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: actions are ordered rows without ids
                <li key={i} className="space-y-2 rounded-md bg-zinc-50 p-3" data-testid="action-row">
                  <div className="flex items-center gap-2">
                    <span className="text-xs font-semibold text-zinc-500">{i + 1}.</span>
                    <NativeSelect aria-label={`Action ${i + 1}`} className="flex-1" value={a.type} onChange={(e) => setAction(i, defaultAction(e.target.value as AutomationAction["type"]))}>
                      {Object.entries(ACTION_LABELS).map(([type, label]) => (
                        <option key={type} value={type}>
                          {label}
                        </option>
                      ))}
                    </NativeSelect>
                    <Button variant="ghost" size="icon-sm" aria-label={`Move action ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                      <ArrowUp aria-hidden />
                    </Button>
                    <Button variant="ghost" size="icon-sm" aria-label={`Move action ${i + 1} down`} disabled={i === draft.actions.length - 1} onClick={() => move(i, 1)}>
                      <ArrowDown aria-hidden />
                    </Button>
                    <Button variant="ghost" size="icon-sm" aria-label={`Remove action ${i + 1}`} onClick={() => set({ actions: draft.actions.filter((_, j) => j !== i) })}>
                      <Trash2 aria-hidden />
                    </Button>
                  </div>
                  <ActionFields action={a} onChange={(next) => setAction(i, next)} members={members} owners={owners} error={(field) => issues[`actions.${i}.${field}`]} />
                </li>
              ))}
            </ol>
            <Button variant="secondary" size="sm" disabled={draft.actions.length >= 10} onClick={() => set({ actions: [...draft.actions, defaultAction("add_tag")] })}>
              <Plus aria-hidden />
              Add action
            </Button>
          </section>

          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={save.isPending}>
              {automation ? "Save automation" : "Create automation"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
