import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { SAVED_VIEW_ENTITIES, SAVED_VIEW_VISIBILITIES } from "../../../shared/contracts/saved-views";
import { idColumn, timestamps } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * A named list query (filters, search, sort, custom-field filters) and column layout for one record
 * type's list: personal to its owner, or shared with the workspace. It stores only the query, so
 * applying it still goes through the list's own visibility rule.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    entityType: text("entity_type", { enum: SAVED_VIEW_ENTITIES }).notNull(),
    name: text("name").notNull(),
    visibility: text("visibility", { enum: SAVED_VIEW_VISIBILITIES }).notNull().default("personal"),
    query: jsonb("query").$type<Record<string, string | string[]>>().notNull().default({}),
    /** Visible column ids in order; null keeps each viewer's own column choice. */
    columns: jsonb("columns").$type<string[]>(),
    ...timestamps(),
  },
  (t) => [
    index("saved_views_workspace_entity_idx").on(t.workspaceId, t.entityType, t.visibility),
    index("saved_views_owner_idx").on(t.workspaceId, t.ownerId, t.entityType),
    // One name per owner and list, any case: the views menu would show two identical entries. A view
    // whose owner is gone (owner_id null) never collides (nulls are distinct).
    uniqueIndex("saved_views_owner_name_uq").on(t.workspaceId, t.ownerId, t.entityType, sql`lower(${t.name})`),
  ],
);

export type SavedViewRow = typeof savedViews.$inferSelect;
