import { z } from "zod";
import { NAME_MAX } from "../constants/limits";
import { UserRef } from "./clients";
import type { LEAD_SOURCES } from "./leads";

/** Lead fields a rule condition can test (custom fields as `cf.<key>`). */
export const RULE_FIELDS = ["source", "tags", "country", "company", "email", "email_domain", "score", "status", "name"] as const;
export const RULE_OPERATORS = ["equals", "not_equals", "contains", "in", "gte", "lte", "is_set", "is_not_set"] as const;

export const RuleCondition = z
  .strictObject({
    field: z.union([z.enum(RULE_FIELDS), z.string().regex(/^cf\.[a-z][a-z0-9_]{0,39}$/, "Use a lead field or cf.<custom field key>")]),
    op: z.enum(RULE_OPERATORS),
    value: z.union([z.string().max(200), z.number(), z.array(z.string().max(200)).max(50)]).optional(),
  })
  .meta({ id: "RuleCondition" });
export type RuleCondition = z.infer<typeof RuleCondition>;

export const RuleAssignment = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("user"), userId: z.uuid() }),
    z.strictObject({ type: z.literal("round_robin"), userIds: z.array(z.uuid()).min(1, "Choose at least one team member").max(50) }),
    z.strictObject({ type: z.literal("least_loaded"), userIds: z.array(z.uuid()).min(1, "Choose at least one team member").max(50) }),
  ])
  .meta({ id: "RuleAssignment" });
export type RuleAssignment = z.infer<typeof RuleAssignment>;

export const AssignmentRuleDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    enabled: z.boolean(),
    conditions: z.array(RuleCondition).describe("All must hold (an empty list matches every lead)"),
    assign: RuleAssignment,
    users: z.array(UserRef).describe("The users the rule names, for display"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "AssignmentRuleDto" });
export type AssignmentRuleDto = z.infer<typeof AssignmentRuleDto>;

export const AssignmentRuleListResponse = z.object({ data: z.array(AssignmentRuleDto) }).meta({ id: "AssignmentRuleListResponse" });
export const AssignmentRuleResponse = z.object({ data: AssignmentRuleDto }).meta({ id: "AssignmentRuleResponse" });

const ruleFields = {
  name: z.string().trim().min(1, "Name the rule").max(NAME_MAX),
  enabled: z.boolean(),
  conditions: z.array(RuleCondition).max(20),
  assign: RuleAssignment,
};

export const CreateAssignmentRuleBody = z
  .strictObject({ ...ruleFields, enabled: ruleFields.enabled.default(true), conditions: ruleFields.conditions.default([]) })
  .meta({ id: "CreateAssignmentRuleBody" });
export type CreateAssignmentRuleBody = z.infer<typeof CreateAssignmentRuleBody>;

export const UpdateAssignmentRuleBody = z.strictObject(ruleFields).partial().meta({ id: "UpdateAssignmentRuleBody" });
export type UpdateAssignmentRuleBody = z.infer<typeof UpdateAssignmentRuleBody>;

export const ReorderAssignmentRulesBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200).describe("Every rule id in the new order") }).meta({ id: "ReorderAssignmentRulesBody" });
export type ReorderAssignmentRulesBody = z.infer<typeof ReorderAssignmentRulesBody>;

/** A lead as the rules see it. */
export interface RuleSubject {
  source: (typeof LEAD_SOURCES)[number];
  tags: string[];
  country: string | null;
  company: string | null;
  email: string | null;
  score: number;
  status: string;
  name: string;
  customFields: Record<string, unknown>;
}

function fieldValue(subject: RuleSubject, field: string): unknown {
  if (field.startsWith("cf.")) return subject.customFields[field.slice(3)];
  if (field === "email_domain") return subject.email?.split("@")[1] ?? null;
  return subject[field as Exclude<(typeof RULE_FIELDS)[number], "email_domain">];
}

const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : typeof v === "number" || typeof v === "boolean" ? String(v).toLowerCase() : v);

/** One condition against a lead (text compares case-insensitively; arrays match if any element does). */
export function conditionHolds(subject: RuleSubject, c: RuleCondition): boolean {
  const actual = fieldValue(subject, c.field);
  const values = Array.isArray(actual) ? actual.map(lower) : actual === null || actual === undefined || actual === "" ? [] : [lower(actual)];
  const wanted = Array.isArray(c.value) ? c.value.map(lower) : c.value === undefined ? [] : [lower(c.value)];
  switch (c.op) {
    case "is_set":
      return values.length > 0;
    case "is_not_set":
      return values.length === 0;
    case "equals":
      return values.some((v) => v === wanted[0]);
    case "not_equals":
      return !values.some((v) => v === wanted[0]);
    case "in":
      return values.some((v) => wanted.includes(v));
    case "contains":
      return values.some((v) => typeof v === "string" && typeof wanted[0] === "string" && v.includes(wanted[0]));
    case "gte":
    case "lte": {
      const n = Number(values[0]);
      const w = Number(wanted[0]);
      if (values.length === 0 || !Number.isFinite(n) || !Number.isFinite(w)) return false;
      return c.op === "gte" ? n >= w : n <= w;
    }
  }
}

/** True when every condition holds. */
export function ruleMatches(subject: RuleSubject, conditions: RuleCondition[]): boolean {
  return conditions.every((c) => conditionHolds(subject, c));
}
