import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ImportDryRun, ImportEntity, ImportMatchKey, ImportRowError, ImportStatus, DuplicateStrategy } from "../../../shared/contracts/imports";
import { idColumn, timestamps } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** A CSV import: its file (in `import_files`), mapping, options, checkpoint and counts. */
export const imports = pgTable(
  "imports",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entityType: text("entity_type").$type<ImportEntity>().notNull(),
    fileName: text("file_name").notNull(),
    fileSize: integer("file_size").notNull().default(0),
    status: text("status").$type<ImportStatus>().notNull().default("uploaded"),
    /** The header row as read from the file. */
    headers: jsonb("headers").$type<string[]>().notNull().default([]),
    /** One target per column (same order as `headers`); null = don't import. */
    mapping: jsonb("mapping").$type<(string | null)[]>().notNull().default([]),
    duplicateStrategy: text("duplicate_strategy").$type<DuplicateStrategy>().notNull().default("skip"),
    matchOn: jsonb("match_on").$type<ImportMatchKey[]>().notNull().default([]),
    /** Data rows in the file (header excluded). */
    totalRows: integer("total_rows").notNull().default(0),
    /** Checkpoint: data rows 1..processed are done (committed with their records). */
    processed: integer("processed").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    dryRun: jsonb("dry_run").$type<ImportDryRun>(),
    error: text("error"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index("imports_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id), index("imports_workspace_creator_created_idx").on(t.workspaceId, t.createdById, t.createdAt, t.id)],
);

export type ImportRow = typeof imports.$inferSelect;

/** The uploaded file in ~1 MB pieces, so any app instance can stream it back. */
export const importFiles = pgTable(
  "import_files",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** Rows the import refused, with the original cells and the reasons (the downloadable report). */
export const importRejects = pgTable(
  "import_rejects",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    raw: jsonb("raw").$type<string[]>().notNull(),
    errors: jsonb("errors").$type<ImportRowError[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);
