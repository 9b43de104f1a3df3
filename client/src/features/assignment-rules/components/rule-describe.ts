import { type AssignmentRuleDto, type RULE_FIELDS, RULE_OPERATORS, type RuleCondition } from "@shared/contracts/assignment-rules";
import { RULE_FIELD_LABELS, RULE_OPERATOR_LABELS } from "@/components/crm/conditions-editor";
import type { CustomFieldDef } from "@/lib/custom-fields";

export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleOperator = (typeof RULE_OPERATORS)[number];

// The same words as the automations' condition editor, so a rule reads the same everywhere.
export const FIELD_LABELS: Record<RuleField, string> = RULE_FIELD_LABELS;
export const OPERATOR_LABELS: Record<RuleOperator, string> = RULE_OPERATOR_LABELS;

export const ASSIGN_LABELS: Record<AssignmentRuleDto["assign"]["type"], string> = {
  user: "A specific person",
  round_robin: "Round robin (take turns)",
  least_loaded: "Whoever has the fewest open leads",
};

/** Whether an operator takes a value (is_set / is_not_set don't). */
export function takesValue(op: RuleOperator): boolean {
  return op !== "is_set" && op !== "is_not_set";
}

/** Operators that make sense for a field: numbers compare, text contains. */
export function operatorsFor(field: string, defs: readonly CustomFieldDef[]): RuleOperator[] {
  const def = field.startsWith("cf.") ? defs.find((d) => d.key === field.slice(3)) : undefined;
  const numeric = field === "score" || def?.type === "number";
  return RULE_OPERATORS.filter((op) => (numeric ? op !== "contains" : op !== "gte" && op !== "lte"));
}

/** A field's label: built-in, or the custom field's label. */
export function fieldLabel(field: string, defs: readonly CustomFieldDef[]): string {
  if (field.startsWith("cf.")) return defs.find((d) => d.key === field.slice(3))?.label ?? field.slice(3);
  return FIELD_LABELS[field as RuleField] ?? field;
}

/** "Country is GB". */
export function describeCondition(c: RuleCondition, defs: readonly CustomFieldDef[]): string {
  const value = Array.isArray(c.value) ? c.value.join(", ") : c.value === undefined ? "" : String(c.value);
  return `${fieldLabel(c.field, defs)} ${OPERATOR_LABELS[c.op]}${takesValue(c.op) ? ` ${value}` : ""}`;
}

/** "Round robin among Sam and Sasha". */
export function describeAssignment(rule: Pick<AssignmentRuleDto, "assign" | "users">): string {
  const names = (ids: string[]) => ids.map((id) => rule.users.find((u) => u.id === id)?.name ?? "a former teammate");
  const list = (xs: string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);
  switch (rule.assign.type) {
    case "user":
      return `Assign to ${names([rule.assign.userId])[0]}`;
    case "round_robin":
      return `Round robin among ${list(names(rule.assign.userIds))}`;
    case "least_loaded":
      return `Least loaded among ${list(names(rule.assign.userIds))}`;
  }
}
