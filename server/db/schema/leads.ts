import { sql } from "drizzle-orm";
import { type AnyPgColumn, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { LEAD_SOURCES, LEAD_STATUSES, type LeadConsent } from "../../../shared/contracts/leads";
import { clients } from "./clients";
import { idColumn, timestamps } from "./columns";
import { contacts } from "./contacts";
import { users } from "./users";
import { workspaces } from "./workspaces";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A person or company the agency is trying to win. */
export const leads = pgTable(
  "leads",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    company: text("company"),
    /** Lower-cased on write (dedupe by email). */
    email: text("email"),
    /** E.164 when it could be normalised, as typed otherwise. */
    phone: text("phone"),
    /** ISO 3166-1 alpha-2 (assignment rules match on it). */
    country: text("country"),
    source: text("source", { enum: LEAD_SOURCES }).notNull().default("manual"),
    /** Free detail of the source: the form's or the import file's name, the API client. */
    sourceDetail: text("source_detail"),
    formId: uuid("form_id"),
    status: text("status", { enum: LEAD_STATUSES }).notNull().default("new"),
    score: integer("score").notNull().default(0),
    ownerId: uuid("owner_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes"),
    customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default({}),
    consent: jsonb("consent").$type<LeadConsent>(),
    convertedAt: timestamp("converted_at", { withTimezone: true }),
    convertedClientId: uuid("converted_client_id").references((): AnyPgColumn => clients.id, { onDelete: "set null" }),
    convertedContactId: uuid("converted_contact_id").references((): AnyPgColumn => contacts.id, { onDelete: "set null" }),
    convertedDealId: uuid("converted_deal_id"),
    /** Last logged activity or change (automations' "no activity for N days"). */
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce("name", '') || ' ' || coalesce("company", '') || ' ' || coalesce("email", '') || ' ' || coalesce("phone", '') || ' ' || coalesce(immutable_array_to_string("tags", ' '), ''))`,
    ),
    /**
     * The same fields lower-cased in one text column: fragment (`like '%q%'`) and typo (`q <% text`)
     * search run on one trigram index instead of an OR across columns (server/lib/text-search.ts).
     */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(coalesce("name", '') || ' ' || coalesce("company", '') || ' ' || coalesce("email", '') || ' ' || coalesce("phone", '') || ' ' || coalesce(immutable_array_to_string("tags", ' '), ''))`,
    ),
    ...timestamps(),
  },
  (t) => [
    index("leads_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("leads_workspace_updated_idx").on(t.workspaceId, t.updatedAt, t.id),
    index("leads_workspace_name_idx").on(t.workspaceId, t.name, t.id),
    index("leads_workspace_owner_created_idx").on(t.workspaceId, t.ownerId, t.createdAt, t.id),
    index("leads_workspace_status_created_idx").on(t.workspaceId, t.status, t.createdAt, t.id),
    index("leads_workspace_owner_status_created_idx").on(t.workspaceId, t.ownerId, t.status, t.createdAt, t.id),
    index("leads_workspace_email_idx").on(t.workspaceId, t.email),
    index("leads_workspace_phone_idx").on(t.workspaceId, t.phone),
    index("leads_workspace_activity_idx").on(t.workspaceId, t.lastActivityAt),
    index("leads_converted_client_idx").on(t.convertedClientId),
    index("leads_search_idx").using("gin", t.search),
    index("leads_tags_idx").using("gin", t.tags),
    index("leads_custom_fields_idx").using("gin", sql`${t.customFields} jsonb_path_ops`),
    // Typo-tolerant search (`q <% lower(name)`, `q <% lower(company)`) and similar names in the duplicates view.
    index("leads_name_trgm_idx").using("gin", sql`(lower(${t.name})) gin_trgm_ops`),
    index("leads_company_trgm_idx").using("gin", sql`(lower(${t.company})) gin_trgm_ops`),
    index("leads_search_text_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

export type LeadRow = typeof leads.$inferSelect;
