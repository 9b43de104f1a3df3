import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { RuleCondition } from "../../../shared/contracts/assignment-rules";
import { type AutomationAction, type AutomationTrigger, RUN_STATUSES, TRIGGER_TYPES } from "../../../shared/contracts/automations";
import { idColumn, timestamps } from "./columns";
import { workspaces } from "./workspaces";

/** Trigger + conditions → actions on leads. */
export const automations = pgTable(
  "automations",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    trigger: jsonb("trigger").$type<AutomationTrigger>().notNull(),
    conditions: jsonb("conditions").$type<RuleCondition[]>().notNull().default([]),
    actions: jsonb("actions").$type<AutomationAction[]>().notNull(),
    runCount: integer("run_count").notNull().default(0),
    lastRunAt: timestamp("last_run_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index("automations_workspace_idx").on(t.workspaceId)],
);
export type AutomationRow = typeof automations.$inferSelect;

/** One run of an automation on one lead: the log shown on the automation and on the lead. */
export const automationRuns = pgTable(
  "automation_runs",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    automationId: uuid("automation_id")
      .notNull()
      .references(() => automations.id, { onDelete: "cascade" }),
    /** No foreign key: the log outlives a deleted lead. */
    leadId: uuid("lead_id").notNull(),
    trigger: text("trigger", { enum: TRIGGER_TYPES }).notNull(),
    /** The triggering event (job id + lead): a retried job never runs an automation twice for one event. */
    eventKey: text("event_key").notNull(),
    status: text("status", { enum: RUN_STATUSES }).notNull(),
    steps: jsonb("steps").$type<{ action: string; ok: boolean; summary: string }[]>().notNull().default([]),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("automation_runs_automation_idx").on(t.automationId, t.id),
    index("automation_runs_lead_idx").on(t.workspaceId, t.leadId, t.id),
    uniqueIndex("automation_runs_event_idx").on(t.automationId, t.eventKey),
  ],
);
export type AutomationRunRow = typeof automationRuns.$inferSelect;
