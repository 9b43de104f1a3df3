import { type AssignmentRuleDto, CreateAssignmentRuleBody, RULE_FIELDS, type RuleCondition } from "@shared/contracts/assignment-rules";
import { LEAD_SOURCES, LEAD_STATUSES } from "@shared/contracts/leads";
import { Plus, Trash2 } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, NativeSelect } from "@/components/ui/input";
import { errorMessage, isApiError } from "@/lib/api-client";
import type { CustomFieldDef } from "@/lib/custom-fields";
import { issueField } from "@/lib/form-errors";
import { useCreateAssignmentRule } from "../api/create-assignment-rule";
import { useUpdateAssignmentRule } from "../api/update-assignment-rule";
import { ASSIGN_LABELS, FIELD_LABELS, OPERATOR_LABELS, operatorsFor, type RuleOperator, takesValue } from "./rule-describe";

export interface PersonOption {
  id: string;
  name: string;
}

type AssignType = AssignmentRuleDto["assign"]["type"];
interface ConditionDraft {
  key: number;
  field: string;
  op: RuleOperator;
  value: string;
}
type Errors = Record<string, string>;

let nextKey = 1;
const draftOf = (c: RuleCondition): ConditionDraft => ({
  key: nextKey++,
  field: c.field,
  op: c.op,
  value: Array.isArray(c.value) ? c.value.join(", ") : c.value === undefined ? "" : String(c.value),
});

/** A condition as typed → its API form (lists split on commas, numbers for numeric comparisons). */
function toCondition(d: ConditionDraft): RuleCondition {
  if (!takesValue(d.op)) return { field: d.field, op: d.op };
  if (d.op === "in") return { field: d.field, op: d.op, value: d.value.split(",").map((v) => v.trim()).filter(Boolean) };
  const numeric = d.op === "gte" || d.op === "lte" || (d.field === "score" && d.value.trim() !== "");
  return { field: d.field, op: d.op, value: numeric ? Number(d.value.trim()) : d.value.trim() };
}

/** "conditions.2.value" → "conditions.2"; "assign.userIds" → "assign". */
function errorKey(path: string): string {
  const p = issueField(path);
  const m = /^conditions\.(\d+)/.exec(p);
  if (m) return `conditions.${m[1]}`;
  if (p.startsWith("assign")) return "assign";
  if (p === "name") return "name";
  return "form";
}

/** The value control of one condition: a select for source and status, text otherwise. */
function ValueInput({ draft, onChange, label }: { draft: ConditionDraft; onChange: (value: string) => void; label: string }) {
  if (!takesValue(draft.op)) return <span className="text-sm text-zinc-400">—</span>;
  const options = draft.field === "source" ? LEAD_SOURCES : draft.field === "status" ? LEAD_STATUSES : null;
  if (options && draft.op !== "in" && draft.op !== "contains") {
    return (
      <NativeSelect aria-label={label} value={draft.value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </NativeSelect>
    );
  }
  return (
    <Input
      aria-label={label}
      value={draft.value}
      onChange={(e) => onChange(e.target.value)}
      inputMode={draft.op === "gte" || draft.op === "lte" ? "numeric" : undefined}
      placeholder={draft.op === "in" ? "GB, IE, FR" : ""}
      autoComplete="off"
    />
  );
}

/**
 * Create or edit one assignment rule: a name, conditions that must all hold, and who gets the lead.
 * The body is checked with the shared contract before it is sent; server issues land on the same rows.
 */
export function RuleDialog({
  open,
  onOpenChange,
  rule,
  members,
  customFields,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The rule to edit; null adds a new one. */
  rule: AssignmentRuleDto | null;
  members: PersonOption[];
  customFields: CustomFieldDef[];
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? <RuleForm key={rule?.id ?? "new"} rule={rule} members={members} customFields={customFields} onDone={() => onOpenChange(false)} /> : null}
    </Dialog>
  );
}

function RuleForm({ rule, members, customFields, onDone }: { rule: AssignmentRuleDto | null; members: PersonOption[]; customFields: CustomFieldDef[]; onDone: () => void }) {
  const [name, setName] = useState(rule?.name ?? "");
  const [conditions, setConditions] = useState<ConditionDraft[]>(() => (rule ? rule.conditions.map(draftOf) : [{ key: nextKey++, field: "country", op: "equals", value: "" }]));
  const [assignType, setAssignType] = useState<AssignType>(rule?.assign.type ?? "round_robin");
  const [userId, setUserId] = useState(rule?.assign.type === "user" ? rule.assign.userId : "");
  const [userIds, setUserIds] = useState<string[]>(rule && rule.assign.type !== "user" ? rule.assign.userIds : []);
  const [errors, setErrors] = useState<Errors>({});
  const baseId = useId();
  const create = useCreateAssignmentRule();
  const update = useUpdateAssignmentRule();
  const pending = create.isPending || update.isPending;
  // Users the rule names who are no longer in the active team still show by name.
  const people = [...members, ...(rule?.users ?? []).filter((u) => !members.some((m) => m.id === u.id))];
  const fieldOptions = [
    ...RULE_FIELDS.map((f) => ({ value: f as string, label: FIELD_LABELS[f] })),
    ...customFields.map((d) => ({ value: `cf.${d.key}`, label: `${d.label} (custom field)` })),
  ];

  const patch = (key: number, change: Partial<ConditionDraft>) =>
    setConditions((cs) =>
      cs.map((c) => {
        if (c.key !== key) return c;
        const next = { ...c, ...change };
        // A field change can leave an operator that doesn't fit it (contains on a score).
        const ops = operatorsFor(next.field, customFields);
        if (!ops.includes(next.op)) next.op = ops[0] ?? "equals";
        if (change.field && change.field !== c.field) next.value = "";
        return next;
      }),
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Errors = {};
    conditions.forEach((c, i) => {
      if (takesValue(c.op) && c.value.trim() === "") local[`conditions.${i}`] = "Enter a value";
      else if ((c.op === "gte" || c.op === "lte") && !Number.isFinite(Number(c.value.trim()))) local[`conditions.${i}`] = "Enter a number";
    });
    const assign =
      assignType === "user" ? { type: "user" as const, userId } : { type: assignType, userIds };
    if (assignType === "user" && !userId) local.assign = "Choose who gets the leads";
    const parsed = CreateAssignmentRuleBody.safeParse({ name, enabled: rule?.enabled ?? true, conditions: conditions.map(toCondition), assign });
    if (!parsed.success) for (const issue of parsed.error.issues) local[errorKey(issue.path.join("."))] ??= issue.message;
    setErrors(local);
    if (Object.keys(local).length > 0 || !parsed.success) return;
    const onError = (error: unknown) => {
      const next: Errors = {};
      if (isApiError(error)) for (const issue of error.details?.issues ?? []) next[errorKey(issue.path)] ??= issue.message;
      if (Object.keys(next).length === 0) next.form = errorMessage(error);
      setErrors(next);
    };
    const { enabled: _enabled, ...body } = parsed.data;
    if (rule) {
      update.mutate(
        { id: rule.id, body },
        {
          onSuccess: (saved) => {
            toast.success(`Rule “${saved.name}” saved.`);
            onDone();
          },
          onError,
        },
      );
    } else {
      create.mutate(parsed.data, {
        onSuccess: (saved) => {
          toast.success(`Rule “${saved.name}” added.`);
          onDone();
        },
        onError,
      });
    }
  };

  return (
    <DialogContent
      title={rule ? `Edit “${rule.name}”` : "New assignment rule"}
      description="A lead matches when every condition holds. The first enabled rule that matches chooses its owner."
      className="max-w-3xl"
    >
      <form onSubmit={submit} noValidate className="space-y-5">
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <FormField label="Rule name" error={errors.name}>
          {(f) => <Input {...f} value={name} onChange={(e) => setName(e.target.value)} placeholder="UK leads to the London team" autoComplete="off" />}
        </FormField>

        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-semibold text-zinc-900">Conditions</legend>
          {conditions.length === 0 ? <p className="text-sm text-zinc-500">No conditions: every lead matches this rule.</p> : null}
          <ol className="space-y-2" aria-label="Conditions">
            {conditions.map((c, i) => {
              const n = i + 1;
              const error = errors[`conditions.${i}`];
              return (
                <li key={c.key} className="space-y-1" data-testid="rule-condition">
                  <div className="grid grid-cols-1 gap-2 sm:grid-cols-[1fr_10rem_1fr_auto] sm:items-center">
                    <NativeSelect aria-label={`Condition ${n} field`} value={c.field} onChange={(e) => patch(c.key, { field: e.target.value })}>
                      {fieldOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </NativeSelect>
                    <NativeSelect aria-label={`Condition ${n} operator`} value={c.op} onChange={(e) => patch(c.key, { op: e.target.value as RuleOperator })}>
                      {operatorsFor(c.field, customFields).map((op) => (
                        <option key={op} value={op}>
                          {OPERATOR_LABELS[op]}
                        </option>
                      ))}
                    </NativeSelect>
                    <ValueInput draft={c} label={`Condition ${n} value`} onChange={(value) => patch(c.key, { value })} />
                    <Button variant="ghost" size="icon-sm" aria-label={`Remove condition ${n}`} onClick={() => setConditions((cs) => cs.filter((x) => x.key !== c.key))}>
                      <Trash2 aria-hidden />
                    </Button>
                  </div>
                  {error ? (
                    <p className="text-xs font-medium text-red-600" role="alert">
                      Condition {n}: {error}
                    </p>
                  ) : c.op === "in" ? (
                    <p className="text-xs text-zinc-500">Separate values with commas.</p>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <Button variant="secondary" size="sm" onClick={() => setConditions((cs) => [...cs, { key: nextKey++, field: "source", op: "equals", value: "" }])} disabled={conditions.length >= 20}>
            <Plus aria-hidden />
            Add condition
          </Button>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-semibold text-zinc-900">Assign to</legend>
          <FormField label="How">
            {(f) => (
              <NativeSelect {...f} value={assignType} onChange={(e) => setAssignType(e.target.value as AssignType)}>
                {(Object.keys(ASSIGN_LABELS) as AssignType[]).map((t) => (
                  <option key={t} value={t}>
                    {ASSIGN_LABELS[t]}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          {assignType === "user" ? (
            <FormField label="Person" error={errors.assign}>
              {(f) => (
                <NativeSelect {...f} value={userId} onChange={(e) => setUserId(e.target.value)}>
                  <option value="">Choose a person…</option>
                  {people.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </FormField>
          ) : (
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium text-zinc-700">Team members</legend>
              <div className="grid max-h-48 gap-1 overflow-y-auto rounded-lg border border-zinc-200 p-2 sm:grid-cols-2">
                {people.map((m) => (
                  <div key={m.id} className="flex items-center gap-2 rounded px-2 py-1 hover:bg-zinc-50">
                    <Checkbox
                      id={`${baseId}-${m.id}`}
                      checked={userIds.includes(m.id)}
                      onChange={(e) => setUserIds((ids) => (e.target.checked ? [...ids, m.id] : ids.filter((id) => id !== m.id)))}
                    />
                    <label htmlFor={`${baseId}-${m.id}`} className="text-sm text-zinc-700">
                      {m.name}
                    </label>
                  </div>
                ))}
              </div>
              {errors.assign ? (
                <p className="text-xs font-medium text-red-600" role="alert">
                  {errors.assign}
                </p>
              ) : (
                <p className="text-xs text-zinc-500">{userIds.length} chosen</p>
              )}
            </fieldset>
          )}
        </fieldset>

        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" loading={pending}>
            {rule ? "Save rule" : "Add rule"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
