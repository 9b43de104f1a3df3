import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { idColumn } from "./columns";
import { workspaces } from "./workspaces";

/**
 * The audit log: one row per mutation, written in the mutation's transaction. `workspace_id` is null
 * only for sign-in attempts on unknown emails (kept for operators, shown to no workspace).
 */
export const activityLogs = pgTable(
  "activity_logs",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    changes: jsonb("changes").$type<Record<string, unknown>>(),
    requestId: text("request_id"),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // UUIDv7 ids are time-ordered, so (workspace, id) is the newest-first keyset.
    index("activity_logs_workspace_id_idx").on(t.workspaceId, t.id),
    index("activity_logs_workspace_actor_idx").on(t.workspaceId, t.actorId, t.id),
    index("activity_logs_workspace_entity_idx").on(t.workspaceId, t.entityType, t.entityId, t.id),
    index("activity_logs_workspace_action_idx").on(t.workspaceId, t.action, t.id),
  ],
);

export type ActivityLogRow = typeof activityLogs.$inferSelect;
