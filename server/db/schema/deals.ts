import { sql } from "drizzle-orm";
import { bigint, customType, date, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { DEAL_STATUSES } from "../../../shared/contracts/deals";
import { clients } from "./clients";
import { idColumn, timestamps } from "./columns";
import { contacts } from "./contacts";
import { leads } from "./leads";
import { users } from "./users";
import { workspaces } from "./workspaces";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A sales pipeline: ordered stages a deal moves through. */
export const pipelines = pgTable(
  "pipelines",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    /** Open deals with no activity for this many days are flagged as rotting (null: never). */
    rottingDays: integer("rotting_days").default(14),
    ...timestamps(),
  },
  (t) => [
    index("pipelines_workspace_idx").on(t.workspaceId, t.position),
    // One name per pipeline in a workspace, any case (the contracts trim names); a violation is
    // 409 already_exists on body.name (server/http/error-handler.ts).
    uniqueIndex("pipelines_workspace_name_uq").on(t.workspaceId, sql`lower(${t.name})`),
  ],
);

export type PipelineRow = typeof pipelines.$inferSelect;

/** A stage of a pipeline with its win probability (0–100). */
export const pipelineStages = pgTable(
  "pipeline_stages",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    probability: integer("probability").notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index("pipeline_stages_pipeline_idx").on(t.pipelineId, t.position),
    // One name per stage in a pipeline, any case: the board would show two identical columns.
    uniqueIndex("pipeline_stages_pipeline_name_uq").on(t.pipelineId, sql`lower(${t.name})`),
  ],
);

export type PipelineStageRow = typeof pipelineStages.$inferSelect;

/** A deal: value on a client (or a lead) moving through a pipeline's stages. */
export const deals = pgTable(
  "deals",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "restrict" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => pipelineStages.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    clientId: uuid("client_id").references(() => clients.id, { onDelete: "set null" }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    valueMinor: bigint("value_minor", { mode: "number" }).notNull().default(0),
    currency: text("currency").notNull(),
    expectedCloseDate: date("expected_close_date", { mode: "string" }),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: DEAL_STATUSES }).notNull().default("open"),
    lostReason: text("lost_reason"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Order within the stage's kanban column (fractional: a move rewrites one row). */
    position: doublePrecision("position").notNull().default(0),
    stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true }).notNull().defaultNow(),
    /** Last logged activity or change (rotting). */
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default({}),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('simple', coalesce("title", '') || ' ' || coalesce(immutable_array_to_string("tags", ' '), ''))`),
    /** The same fields lower-cased in one text column: fragment search on one trigram index (server/lib/text-search.ts). */
    searchText: text("search_text").generatedAlwaysAs(sql`lower(coalesce("title", '') || ' ' || coalesce(immutable_array_to_string("tags", ' '), ''))`),
    ...timestamps(),
  },
  (t) => [
    index("deals_board_idx").on(t.workspaceId, t.pipelineId, t.stageId, t.position, t.id),
    // The board: open deals only, walked per stage by position for the cards; currency, value and
    // owner ride along so the per-stage totals (owner: a sales agent's scope) are an index-only scan.
    index("deals_board_open_idx")
      .on(t.workspaceId, t.pipelineId, t.stageId, t.position, t.id, t.currency, t.valueMinor, t.ownerId)
      .where(sql`${t.status} = 'open'`),
    index("deals_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("deals_workspace_owner_created_idx").on(t.workspaceId, t.ownerId, t.createdAt, t.id),
    index("deals_workspace_close_idx").on(t.workspaceId, t.expectedCloseDate),
    index("deals_client_idx").on(t.clientId),
    index("deals_lead_idx").on(t.leadId),
    index("deals_search_idx").using("gin", t.search),
    index("deals_custom_fields_idx").using("gin", sql`${t.customFields} jsonb_path_ops`),
    // Typo-tolerant search (`q <% lower(title)`).
    index("deals_title_trgm_idx").using("gin", sql`(lower(${t.title})) gin_trgm_ops`),
    index("deals_search_text_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

export type DealRow = typeof deals.$inferSelect;

/**
 * Open deals per stage and currency: count and value, kept by statement-level triggers on `deals`
 * (migration `deal_stage_totals_triggers`), so an unfiltered board of a big pipeline reads a few
 * rows instead of summing every open deal. Only for readers who see every deal of the workspace;
 * a filtered or own-deals board still sums its deals.
 */
export const dealStageTotals = pgTable(
  "deal_stage_totals",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    pipelineId: uuid("pipeline_id").notNull(),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => pipelineStages.id, { onDelete: "cascade" }),
    currency: text("currency").notNull(),
    openCount: integer("open_count").notNull().default(0),
    openValue: numeric("open_value").notNull().default("0"),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.currency] }), index("deal_stage_totals_pipeline_idx").on(t.workspaceId, t.pipelineId)],
);

/** One stay of a deal in a stage: entered, and left (null while it is still there). */
export const dealStageHistory = pgTable(
  "deal_stage_history",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    /** Null once the stage is deleted; the stay survives with its `stage_name` snapshot. */
    stageId: uuid("stage_id").references(() => pipelineStages.id, { onDelete: "set null" }),
    /** Snapshot of the stage's name (taken on entry, refreshed when the stage is deleted), shown once the stage is gone. */
    stageName: text("stage_name").notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
    actorId: uuid("actor_id"),
  },
  (t) => [index("deal_stage_history_deal_idx").on(t.dealId, t.enteredAt)],
);

export type DealStageHistoryRow = typeof dealStageHistory.$inferSelect;
