import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * A pair of records a user marked "not duplicates", so the duplicates view stops proposing it.
 * Stored with `low_id < high_id` (the pair's order in the view); records are not foreign keys
 * because the pair spans three tables, and a merge or delete simply leaves a harmless row behind.
 */
export const duplicateDismissals = pgTable(
  "duplicate_dismissals",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entityType: text("entity_type", { enum: ["client", "contact", "lead"] }).notNull(),
    lowId: uuid("low_id").notNull(),
    highId: uuid("high_id").notNull(),
    dismissedBy: uuid("dismissed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.entityType, t.lowId, t.highId] }), index("duplicate_dismissals_high_idx").on(t.workspaceId, t.entityType, t.highId)],
);

export type DuplicateDismissalRow = typeof duplicateDismissals.$inferSelect;
