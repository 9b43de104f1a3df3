import { sql } from "drizzle-orm";
import { bit, boolean, index, integer, pgTable, primaryKey, real, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
  /**
   * The step of the cursor type's walk: `purge` (drop the previous scan's name index), `count`
   * (trigram frequencies), `index` (each record's rarest trigrams), `pairs` (store the pairs);
   * after the last type, `finish` (drop the name index, sweep pairs no window re-found).
   */
  phase: text("phase").$type<DuplicateScanPhase>().notNull().default("purge"),
  total: integer("total").notNull().default(0),
  requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
  requestedAt: timestamp("requested_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  /** When the first window ran: pairs computed before it and not re-found are stale. */
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
});

export type DuplicateScanRow = typeof duplicateScans.$inferSelect;

export const DUPLICATE_SCAN_PHASES = ["purge", "count", "index", "pairs", "finish"] as const;
export type DuplicateScanPhase = (typeof DUPLICATE_SCAN_PHASES)[number];

/** Names are compared on signatures of this many bits (see `duplicateScanPrefixes.sig`). */
export const NAME_SIGNATURE_BITS = 256;

/**
 * A rebuild's trigram frequencies of one record type's names (the `count` phase), so every record
 * ranks its trigrams rarest first in the same order. Scratch data of the running scan only.
 */
export const duplicateScanTrigrams = pgTable(
  "duplicate_scan_trigrams",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entityType: text("entity_type", { enum: ["client", "contact", "lead"] }).notNull(),
    trigram: text("trigram").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.entityType, t.trigram] })],
);

/**
 * A rebuild's name index (the `index` phase): per record, its rarest trigrams — as many as two
 * names with similarity ≥ the threshold must share at least one of (prefix filtering) — with the
 * name's trigram count and a bit signature of all its trigrams, so candidates are filtered before
 * `similarity()` confirms them. Scratch data of the running scan, dropped when it moves on.
 */
export const duplicateScanPrefixes = pgTable(
  "duplicate_scan_prefixes",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    entityType: text("entity_type", { enum: ["client", "contact", "lead"] }).notNull(),
    recordId: uuid("record_id").notNull(),
    trigram: text("trigram").notNull(),
    /** The trigram's place in the name's rarest-first order (1 = rarest). */
    rank: smallint("rank").notNull(),
    /** Within the first len − ⌈2t / (1 + t) · len⌉ + 1: what a longer or as long similar name must share. */
    core: boolean("core").notNull(),
    /** How many distinct trigrams the whole name has. */
    len: smallint("len").notNull(),
    /** Bit `hashtext(trigram) & 255` set for every trigram of the name. */
    sig: bit("sig", { dimensions: NAME_SIGNATURE_BITS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.entityType, t.recordId, t.trigram] }), index("duplicate_scan_prefixes_trigram_idx").on(t.workspaceId, t.entityType, t.trigram)],
);
