import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { DuplicateReason, DuplicateScanStatus } from "../../../shared/contracts/duplicates";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * A pair of records a user marked "not duplicates", so the duplicates view stops proposing it.
 * Stored with `low_id < high_id` (the pair's order in the view); records are not foreign keys
 * because the pair spans three tables, and a merge or delete simply leaves a harmless row behind.
 */
export const duplicateDismissals = pgTable(
  "duplicate_dismissals",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entityType: text("entity_type", { enum: ["client", "contact", "lead"] }).notNull(),
    lowId: uuid("low_id").notNull(),
    highId: uuid("high_id").notNull(),
    dismissedBy: uuid("dismissed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.entityType, t.lowId, t.highId] }), index("duplicate_dismissals_high_idx").on(t.workspaceId, t.entityType, t.highId)],
);

export type DuplicateDismissalRow = typeof duplicateDismissals.$inferSelect;

/**
 * A candidate duplicate pair, precomputed (`duplicates.rescore` on every write that changes a
 * record's name, email, phone, website or company; `duplicates.rebuild` for a whole workspace).
 * Stored once per pair with `low_id < high_id`; the ids are not foreign keys (three tables), so
 * the list joins both records, and a deleted record's pairs go with its rescore job.
 */
export const duplicatePairs = pgTable(
  "duplicate_pairs",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entityType: text("entity_type", { enum: ["client", "contact", "lead"] }).notNull(),
    lowId: uuid("low_id").notNull(),
    highId: uuid("high_id").notNull(),
    reasons: text("reasons").array().$type<DuplicateReason[]>().notNull(),
    /** Trigram similarity of the names when they are similar, else null. */
    similarity: real("similarity"),
    score: real("score").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.entityType, t.lowId, t.highId] }),
    index("duplicate_pairs_high_idx").on(t.workspaceId, t.entityType, t.highId),
    index("duplicate_pairs_score_idx").on(t.workspaceId, t.entityType, t.score.desc(), t.lowId, t.highId),
  ],
);

export type DuplicatePairRow = typeof duplicatePairs.$inferSelect;

/** The latest full rescan of a workspace's pairs (one row per workspace): its progress for the page. */
export const duplicateScans = pgTable("duplicate_scans", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  /** A new id per rescan: jobs of an older rescan see another id and stop. */
  scanId: uuid("scan_id").notNull().default(sql`gen_random_uuid()`),
  status: text("status").$type<DuplicateScanStatus>().notNull().default("queued"),
  processed: integer("processed").notNull().default(0),
  /** Where the scan is: the record type being walked and the last id done (null before the first window). */
  cursorType: text("cursor_type", { enum: ["client", "contact", "lead"] }).notNull().default("client"),
  cursorId: uuid("cursor_id"),
  total: integer("total").notNull().default(0),
  requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
  requestedAt: timestamp("requested_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  /** When the first window ran: pairs computed before it and not re-found are stale. */
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
});

export type DuplicateScanRow = typeof duplicateScans.$inferSelect;
