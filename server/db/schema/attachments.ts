import { bigint, boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_ENTITIES } from "../../../shared/contracts/attachments";
import { idColumn } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** A file on a client, lead or deal. The bytes live in file storage under `storage_key` (server-chosen). */
export const attachments = pgTable(
  "attachments",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entityType: text("entity_type", { enum: ATTACHMENT_ENTITIES }).notNull(),
    entityId: uuid("entity_id").notNull(),
    /** The uploader's file name, cleaned for display; never used as a path. */
    fileName: text("file_name").notNull(),
    /** Sniffed from the content. */
    contentType: text("content_type", { enum: ATTACHMENT_CONTENT_TYPES }).notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    sharedWithClient: boolean("shared_with_client").notNull().default(false),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attachments_entity_idx").on(t.workspaceId, t.entityType, t.entityId, t.id.desc()),
  ],
);

export type AttachmentRow = typeof attachments.$inferSelect;
