import { RULE_FIELDS, RULE_OPERATORS, type RuleCondition } from "@shared/contracts/assignment-rules";
import { LEAD_SOURCES, LEAD_STATUSES } from "@shared/contracts/leads";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";

export const RULE_FIELD_LABELS: Record<(typeof RULE_FIELDS)[number], string> = {
  source: "Source",
  tags: "Tags",
  country: "Country",
  company: "Company",
  email: "Email",
  email_domain: "Email domain",
  score: "Score",
  status: "Status",
  name: "Name",
};

export const RULE_OPERATOR_LABELS: Record<(typeof RULE_OPERATORS)[number], string> = {
  equals: "is",
  not_equals: "is not",
  contains: "contains",
  in: "is one of",
  gte: "is at least",
  lte: "is at most",
  is_set: "is set",
  is_not_set: "is empty",
};

type RuleOperator = (typeof RULE_OPERATORS)[number];
/** A lead custom field a condition can test (`cf.<key>`); its type narrows the operators offered. */
export interface ConditionCustomField {
  key: string;
  label: string;
  type?: string;
}

const NO_VALUE = new Set(["is_set", "is_not_set"]);

/** Whether an operator takes a value (is_set / is_not_set don't). */
export function takesValue(op: RuleOperator): boolean {
  return !NO_VALUE.has(op);
}

/** Operators that make sense for a field: numbers compare, text contains. */
export function operatorsFor(field: string, customFields: readonly ConditionCustomField[]): RuleOperator[] {
  const def = field.startsWith("cf.") ? customFields.find((d) => d.key === field.slice(3)) : undefined;
  const numeric = field === "score" || def?.type === "number";
  return RULE_OPERATORS.filter((op) => (numeric ? op !== "contains" : op !== "gte" && op !== "lte"));
}

/** The values a field can take when it has a fixed list (source, status). */
const FIELD_CHOICES: Record<string, readonly string[]> = { source: LEAD_SOURCES, status: LEAD_STATUSES };

/** A condition's problem before it is sent ("Enter a value", "Enter a number"), or undefined. */
export function conditionProblem(c: RuleCondition): string | undefined {
  if (!takesValue(c.op)) return undefined;
  if (toText(c.value).trim() === "") return "Enter a value";
  if ((c.op === "gte" || c.op === "lte") && typeof c.value !== "number") return "Enter a number";
  return undefined;
}

/**
 * The value of a condition as typed in one input (gte/lte a number). An "is one of" list stays the
 * typed text while editing (so "a, " keeps its comma) and becomes a list in `normaliseConditions`.
 */
function toValue(op: RuleCondition["op"], text: string): RuleCondition["value"] {
  if (NO_VALUE.has(op)) return undefined;
  if (op === "in") return text;
  if ((op === "gte" || op === "lte") && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** Conditions as the API takes them: text trimmed, "is one of" text split into its items, scores as numbers. */
export function normaliseConditions(conditions: RuleCondition[]): RuleCondition[] {
  return conditions.map((c) => {
    if (typeof c.value !== "string") return c;
    if (c.op === "in") return { ...c, value: c.value.split(",").map((x) => x.trim()).filter(Boolean) };
    const text = c.value.trim();
    // A score is a number, whatever the operator.
    return { ...c, value: c.field === "score" && text !== "" && Number.isFinite(Number(text)) ? Number(text) : text };
  });
}

/** A condition's value as typed in one input. */
export function toText(value: RuleCondition["value"]): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** A sentence of conditions, e.g. "Country is GB and Tags is one of vip". */
export function describeConditions(conditions: RuleCondition[], customLabels: Record<string, string> = {}): string {
  if (conditions.length === 0) return "Every lead";
  return conditions
    .map((c) => {
      const field = c.field.startsWith("cf.") ? (customLabels[c.field.slice(3)] ?? c.field.slice(3)) : RULE_FIELD_LABELS[c.field as (typeof RULE_FIELDS)[number]];
      return `${field} ${RULE_OPERATOR_LABELS[c.op]}${NO_VALUE.has(c.op) ? "" : ` ${toText(c.value)}`}`;
    })
    .join(" and ");
}

/** The value control of one condition: a select for source and status, text otherwise. */
function ValueInput({ condition: c, label, onChange }: { condition: RuleCondition; label: string; onChange: (text: string) => void }) {
  const choices = FIELD_CHOICES[c.field];
  if (choices && c.op !== "in" && c.op !== "contains") {
    return (
      <NativeSelect aria-label={label} className="w-48 flex-1" value={toText(c.value)} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {choices.map((o) => (
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
      className="w-48 flex-1"
      inputMode={c.op === "gte" || c.op === "lte" ? "numeric" : undefined}
      placeholder={c.op === "in" ? "GB, IE, FR" : c.field === "country" ? "GB" : "value"}
      value={toText(c.value)}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="off"
    />
  );
}

/**
 * Edits a list of lead conditions (all must hold). Used by assignment rules and automations; the
 * lead's custom fields are offered as `cf.<key>`. Each field offers the operators that fit it (numbers
 * compare, text contains), source and status pick from their values.
 */
export function ConditionsEditor({
  value,
  onChange,
  customFields = [],
  errors = {},
  max = 20,
}: {
  value: RuleCondition[];
  onChange: (next: RuleCondition[]) => void;
  customFields?: readonly ConditionCustomField[];
  /** Messages by condition index. */
  errors?: Record<number, string | undefined>;
  /** How many conditions the API takes. */
  max?: number;
}) {
  const set = (i: number, patch: Partial<RuleCondition>) =>
    onChange(
      value.map((c, j) => {
        if (j !== i) return c;
        const next = { ...c, ...patch };
        // A field change clears the value and can leave an operator that doesn't fit it (contains on a score).
        if (patch.field !== undefined && patch.field !== c.field) next.value = takesValue(next.op) ? "" : undefined;
        const ops = operatorsFor(next.field, customFields);
        if (!ops.includes(next.op)) next.op = ops[0] ?? "equals";
        if (!takesValue(next.op)) next.value = undefined;
        return next;
      }),
    );
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-zinc-900">Conditions</legend>
      {value.length === 0 ? <p className="text-sm text-zinc-500">No conditions: every lead matches.</p> : null}
      <ol className="space-y-2" aria-label="Conditions">
        {value.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
          <li key={i} className="space-y-1" data-testid="condition-row">
            <div className="flex flex-wrap items-center gap-2">
              {i > 0 ? <span className="text-xs font-medium text-zinc-500 uppercase">and</span> : null}
              <NativeSelect aria-label={`Condition ${i + 1} field`} className="w-44" value={c.field} onChange={(e) => set(i, { field: e.target.value })}>
                {RULE_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {RULE_FIELD_LABELS[f]}
                  </option>
                ))}
                {customFields.map((f) => (
                  <option key={f.key} value={`cf.${f.key}`}>
                    {f.label} (custom field)
                  </option>
                ))}
              </NativeSelect>
              <NativeSelect
                aria-label={`Condition ${i + 1} operator`}
                className="w-36"
                value={c.op}
                onChange={(e) => {
                  const op = e.target.value as RuleOperator;
                  set(i, { op, value: toValue(op, toText(c.value)) });
                }}
              >
                {operatorsFor(c.field, customFields).map((o) => (
                  <option key={o} value={o}>
                    {RULE_OPERATOR_LABELS[o]}
                  </option>
                ))}
              </NativeSelect>
              {takesValue(c.op) ? <ValueInput condition={c} label={`Condition ${i + 1} value`} onChange={(text) => set(i, { value: toValue(c.op, text) })} /> : null}
              <Button variant="ghost" size="icon-sm" aria-label={`Remove condition ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                <Trash2 aria-hidden />
              </Button>
            </div>
            {errors[i] ? (
              <p className="text-xs font-medium text-red-600" role="alert">
                Condition {i + 1}: {errors[i]}
              </p>
            ) : c.op === "in" ? (
              <p className="text-xs text-zinc-500">Separate values with commas.</p>
            ) : null}
          </li>
        ))}
      </ol>
      <Button variant="secondary" size="sm" onClick={() => onChange([...value, { field: "source", op: "equals", value: "" }])} disabled={value.length >= max}>
        <Plus aria-hidden />
        Add condition
      </Button>
    </fieldset>
  );
}
