import { type AssignmentRuleDto, CreateAssignmentRuleBody, type RuleCondition } from "@shared/contracts/assignment-rules";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { ConditionsEditor, conditionProblem, normaliseConditions } from "@/components/crm/conditions-editor";
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
import { ASSIGN_LABELS } from "./rule-describe";

export interface PersonOption {
  id: string;
  name: string;
}

type AssignType = AssignmentRuleDto["assign"]["type"];
type Errors = Record<string, string>;

/** "conditions.2.value" → "conditions.2"; "assign.userIds" → "assign". */
function errorKey(path: string): string {
  const p = issueField(path);
  const m = /^conditions\.(\d+)/.exec(p);
  if (m) return `conditions.${m[1]}`;
  if (p.startsWith("assign")) return "assign";
  if (p === "name") return "name";
  return "form";
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
  const [conditions, setConditions] = useState<RuleCondition[]>(() => (rule ? rule.conditions : [{ field: "country", op: "equals", value: "" }]));
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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Errors = {};
    conditions.forEach((c, i) => {
      const problem = conditionProblem(c);
      if (problem) local[`conditions.${i}`] = problem;
    });
    const assign =
      assignType === "user" ? { type: "user" as const, userId } : { type: assignType, userIds };
    if (assignType === "user" && !userId) local.assign = "Choose who gets the leads";
    const parsed = CreateAssignmentRuleBody.safeParse({ name, enabled: rule?.enabled ?? true, conditions: normaliseConditions(conditions), assign });
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

  const conditionErrors = Object.fromEntries(conditions.map((_, i) => [i, errors[`conditions.${i}`]]));

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

        <ConditionsEditor value={conditions} onChange={setConditions} customFields={customFields} errors={conditionErrors} />

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
