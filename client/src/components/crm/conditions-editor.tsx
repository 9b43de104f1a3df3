import { RULE_FIELDS, RULE_OPERATORS, type RuleCondition } from "@shared/contracts/assignment-rules";
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

const NO_VALUE = new Set(["is_set", "is_not_set"]);

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

/** Conditions as the API takes them: "is one of" text split into its items. */
export function normaliseConditions(conditions: RuleCondition[]): RuleCondition[] {
  return conditions.map((c) => (c.op === "in" && typeof c.value === "string" ? { ...c, value: c.value.split(",").map((x) => x.trim()).filter(Boolean) } : c));
}

function toText(value: RuleCondition["value"]): string {
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

/**
 * Edits a list of lead conditions (all must hold). Used by assignment rules and automations; the
 * lead's custom fields are offered as `cf.<key>`.
 */
export function ConditionsEditor({
  value,
  onChange,
  customFields = [],
  errors = {},
}: {
  value: RuleCondition[];
  onChange: (next: RuleCondition[]) => void;
  customFields?: { key: string; label: string }[];
  /** Messages by condition index. */
  errors?: Record<number, string | undefined>;
}) {
  const set = (i: number, patch: Partial<RuleCondition>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-800">Conditions</legend>
      {value.length === 0 ? <p className="text-sm text-zinc-500">No conditions: every lead matches.</p> : null}
      {value.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
        <div key={i} className="space-y-1" data-testid="condition-row">
          <div className="flex flex-wrap items-center gap-2">
            {i > 0 ? <span className="text-xs font-medium text-zinc-500 uppercase">and</span> : null}
            <NativeSelect aria-label={`Condition ${i + 1} field`} className="w-40" value={c.field} onChange={(e) => set(i, { field: e.target.value })}>
              {RULE_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {RULE_FIELD_LABELS[f]}
                </option>
              ))}
              {customFields.map((f) => (
                <option key={f.key} value={`cf.${f.key}`}>
                  {f.label}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect
              aria-label={`Condition ${i + 1} operator`}
              className="w-36"
              value={c.op}
              onChange={(e) => {
                const op = e.target.value as RuleCondition["op"];
                set(i, { op, value: toValue(op, toText(c.value)) });
              }}
            >
              {RULE_OPERATORS.map((o) => (
                <option key={o} value={o}>
                  {RULE_OPERATOR_LABELS[o]}
                </option>
              ))}
            </NativeSelect>
            {NO_VALUE.has(c.op) ? null : (
              <Input
                aria-label={`Condition ${i + 1} value`}
                className="w-48 flex-1"
                placeholder={c.op === "in" ? "a, b, c" : c.field === "country" ? "GB" : "value"}
                value={toText(c.value)}
                onChange={(e) => set(i, { value: toValue(c.op, e.target.value) })}
              />
            )}
            <Button variant="ghost" size="icon-sm" aria-label={`Remove condition ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
              <Trash2 aria-hidden />
            </Button>
          </div>
          {errors[i] ? (
            <p className="text-xs font-medium text-red-600" role="alert">
              {errors[i]}
            </p>
          ) : null}
        </div>
      ))}
      <Button variant="secondary" size="sm" onClick={() => onChange([...value, { field: "source", op: "equals", value: "" }])}>
        <Plus aria-hidden />
        Add condition
      </Button>
    </fieldset>
  );
}
