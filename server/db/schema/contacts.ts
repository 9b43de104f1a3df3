import { sql } from "drizzle-orm";
import { boolean, customType, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { idColumn, timestamps } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

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
    // Full text over the searchable fields ('simple': names are not English prose), for several words or search syntax.
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce("first_name", '') || ' ' || coalesce("last_name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("phone", '') || ' ' || coalesce("title", ''))`,
    ),
    /** The same fields lower-cased in one text column: fragment search on one trigram index (server/lib/text-search.ts). */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(coalesce("first_name", '') || ' ' || coalesce("last_name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("phone", '') || ' ' || coalesce("title", ''))`,
    ),
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
    // Typo-tolerant search (`q <% lower(full name)`).
    index("contacts_name_trgm_idx").using("gin", sql`(lower((${t.firstName} || ' ' || coalesce(${t.lastName}, '')))) gin_trgm_ops`),
    index("contacts_search_idx").using("gin", t.search),
    index("contacts_search_text_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

export type ContactRow = typeof contacts.$inferSelect;
