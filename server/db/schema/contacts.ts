import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { idColumn, timestamps } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** A person at a client. `user_id` is their portal login, once invited. */
export const contacts = pgTable(
  "contacts",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name"),
    email: text("email"),
    phone: text("phone"),
    title: text("title"),
    isPrimary: boolean("is_primary").notNull().default(false),
    customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default({}),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    index("contacts_workspace_name_idx").on(t.workspaceId, sql`(${t.firstName} || ' ' || coalesce(${t.lastName}, ''))`, t.id),
    index("contacts_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("contacts_workspace_updated_idx").on(t.workspaceId, t.updatedAt),
    index("contacts_workspace_phone_idx").on(t.workspaceId, t.phone),
    index("contacts_client_idx").on(t.clientId),
    index("contacts_custom_fields_idx").using("gin", sql`${t.customFields} jsonb_path_ops`),
    index("contacts_email_lower_idx").on(sql`lower(${t.email})`),
    // Global search: typo-tolerant and substring matches on the full name and the email.
    index("contacts_name_trgm_idx").using("gin", sql`(lower((${t.firstName} || ' ' || coalesce(${t.lastName}, '')))) gin_trgm_ops`),
    index("contacts_email_trgm_idx").using("gin", sql`(lower(${t.email})) gin_trgm_ops`),
  ],
);

export type ContactRow = typeof contacts.$inferSelect;
