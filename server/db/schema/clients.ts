import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, customType, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { Address, PortalSettings } from "../../../shared/contracts/clients";
import { idColumn, timestamps } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = { tasks: false, invoices: false, tickets: false, messages: false, reports: false };

/** An agency's customer. */
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
    industry: text("industry"),
    website: text("website"),
    phone: text("phone"),
    address: jsonb("address").$type<Address>().notNull().default({}),
    // users ↔ clients reference each other: drizzle's documented AnyPgColumn return type breaks the cycle.
    ownerId: uuid("owner_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes"),
    retainerAmountMinor: bigint("retainer_amount_minor", { mode: "number" }),
    retainerCurrency: text("retainer_currency"),
    customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default({}),
    portalSettings: jsonb("portal_settings").$type<PortalSettings>().notNull().default(DEFAULT_PORTAL_SETTINGS),
    // Full-text document over the searchable fields ('simple': names and tags are not English prose).
    // array_to_string is only STABLE, so migration 0003 defines an IMMUTABLE wrapper for the generated column.
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce("name", '') || ' ' || coalesce("industry", '') || ' ' || coalesce("website", '') || ' ' || coalesce(immutable_array_to_string("tags", ' '), '') || ' ' || coalesce("notes", ''))`,
    ),
    /**
     * The searchable fields lower-cased in one text column (the document's fields plus the phone):
     * fragment (`like '%q%'`) search on one trigram index (server/lib/text-search.ts). The website
     * carries the client's domain, so `acme.com` finds `https://www.acme.com`.
     */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(coalesce("name", '') || ' ' || coalesce("industry", '') || ' ' || coalesce("website", '') || ' ' || coalesce("phone", '') || ' ' || coalesce(immutable_array_to_string("tags", ' '), '') || ' ' || coalesce("notes", ''))`,
    ),
    ...timestamps(),
  },
  (t) => [
    index("clients_workspace_name_idx").on(t.workspaceId, t.name, t.id),
    index("clients_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("clients_workspace_updated_idx").on(t.workspaceId, t.updatedAt, t.id),
    index("clients_workspace_owner_idx").on(t.workspaceId, t.ownerId),
    index("clients_workspace_phone_idx").on(t.workspaceId, t.phone),
    index("clients_search_idx").using("gin", t.search),
    index("clients_tags_idx").using("gin", t.tags),
    index("clients_custom_fields_idx").using("gin", sql`${t.customFields} jsonb_path_ops`),
    // Typo-tolerant search (`q <% lower(name)`) and similar names in the duplicates view.
    index("clients_name_trgm_idx").using("gin", sql`(lower(${t.name})) gin_trgm_ops`),
    index("clients_search_text_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

export type ClientRow = typeof clients.$inferSelect;

/** Team members assigned to a client (they see it even when they do not own it). */
export const clientAssignments = pgTable(
  "client_assignments",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.userId] }), index("client_assignments_user_idx").on(t.workspaceId, t.userId)],
);
