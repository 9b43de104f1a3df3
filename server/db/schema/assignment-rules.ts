import { boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { RuleAssignment, RuleCondition } from "../../../shared/contracts/assignment-rules";
import { idColumn, timestamps } from "./columns";
import { workspaces } from "./workspaces";

/** Ordered lead assignment rules of a workspace: the first enabled match assigns the owner. */
export const assignmentRules = pgTable(
  "assignment_rules",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    enabled: boolean("enabled").notNull().default(true),
    conditions: jsonb("conditions").$type<RuleCondition[]>().notNull().default([]),
    assign: jsonb("assign").$type<RuleAssignment>().notNull(),
    /** Round-robin turn counter (advanced atomically with UPDATE … RETURNING). */
    turn: integer("turn").notNull().default(0),
    ...timestamps(),
  },
  (t) => [index("assignment_rules_workspace_idx").on(t.workspaceId, t.position)],
);

export type AssignmentRuleRow = typeof assignmentRules.$inferSelect;
