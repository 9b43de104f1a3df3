import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { FormConsentSettings, FormField, FormSuccess } from "../../../shared/contracts/forms";
import { idColumn, timestamps } from "./columns";
import { workspaces } from "./workspaces";

/** A web-to-lead form: its fields, consent text, thank-you behaviour and the sites allowed to embed it. */
export const leadForms = pgTable(
  "lead_forms",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Unguessable id in the hosted URL and the public API (16 random URL-safe characters). */
    publicId: text("public_id").notNull(),
    /** Ordered fields, each mapped to a lead field or a lead custom field (`cf.<key>`). */
    fields: jsonb("fields").$type<FormField[]>().notNull(),
    consent: jsonb("consent").$type<FormConsentSettings>().notNull(),
    success: jsonb("success").$type<FormSuccess>().notNull(),
    /** Origins (scheme://host[:port]) allowed to embed and post; empty = the hosted page only. */
    allowedOrigins: text("allowed_origins").array().notNull().default(sql`'{}'::text[]`),
    /** Tags added to every lead the form brings in. */
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean("enabled").notNull().default(true),
    submissionCount: integer("submission_count").notNull().default(0),
    lastSubmittedAt: timestamp("last_submitted_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex("lead_forms_public_id_idx").on(t.publicId), index("lead_forms_workspace_id_idx").on(t.workspaceId, t.id)],
);

export type LeadFormRow = typeof leadForms.$inferSelect;
