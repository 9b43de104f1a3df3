import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { idColumn } from "./columns";
import { workspaces } from "./workspaces";

/**
 * Every outgoing email is written here first (in the transaction that causes it), then a job sends
 * it. Without SMTP_URL the row stays `captured` and Admin → Outbox shows it.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    template: text("template"),
    status: text("status", { enum: ["pending", "captured", "sent", "failed"] })
      .notNull()
      .default("pending"),
    providerMessageId: text("provider_message_id"),
    error: text("error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_outbox_workspace_id_idx").on(t.workspaceId, t.id)],
);

export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
