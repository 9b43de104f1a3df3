import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from "../../../shared/contracts/custom-fields";
import { idColumn } from "./columns";
import { workspaces } from "./workspaces";

/** A workspace-defined field on clients or contacts; values live in the record's `custom_fields` jsonb. */
export const customFieldDefinitions = pgTable(
  "custom_field_definitions",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entityType: text("entity_type", { enum: CUSTOM_FIELD_ENTITIES }).notNull(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: text("type", { enum: CUSTOM_FIELD_TYPES }).notNull(),
    options: jsonb("options").$type<string[]>().notNull().default([]),
    required: boolean("required").notNull().default(false),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("custom_field_definitions_workspace_entity_key_idx").on(t.workspaceId, t.entityType, t.key),
    index("custom_field_definitions_workspace_entity_idx").on(t.workspaceId, t.entityType, t.position),
  ],
);

export type CustomFieldDefinitionRow = typeof customFieldDefinitions.$inferSelect;
