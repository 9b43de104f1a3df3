import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps } from "./columns";
import { workspaces } from "./workspaces";

/** An agency's customer. Minimal here; the CRM grows it. */
export const clients = pgTable(
  "clients",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    status: text("status", { enum: ["prospect", "active", "paused", "churned"] })
      .notNull()
      .default("active"),
    ...timestamps(),
  },
  (t) => [index("clients_workspace_name_idx").on(t.workspaceId, t.name, t.id)],
);

export type ClientRow = typeof clients.$inferSelect;
