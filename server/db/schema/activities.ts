import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ACTIVITY_KINDS, TIMELINE_ENTITIES } from "../../../shared/contracts/activities";
import { idColumn } from "./columns";
import { workspaces } from "./workspaces";

/** Timeline entries of CRM records: notes, calls, meetings, emails, and automatic change entries. */
export const activities = pgTable(
  "activities",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entityType: text("entity_type", { enum: TIMELINE_ENTITIES }).notNull(),
    entityId: uuid("entity_id").notNull(),
    kind: text("kind", { enum: ACTIVITY_KINDS }).notNull(),
    body: text("body"),
    mentionIds: uuid("mention_ids").array().notNull().default([]),
    meta: jsonb("meta").$type<Record<string, unknown>>(),
    actorId: uuid("actor_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("activities_entity_idx").on(t.workspaceId, t.entityType, t.entityId, t.id.desc())],
);

export type ActivityRow = typeof activities.$inferSelect;
