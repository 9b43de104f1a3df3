import { z } from "zod";
import { customFieldsBodyField } from "./clients";
import { bulkBody, listQueryFields, moneyMinorField, ownedRecordBulkActions, paginated, tagField } from "./common";
import { BOARD_COLUMN_DEFAULT, BOARD_COLUMN_MAX, PipelineDto, StageDto } from "./pipelines";
import { CURRENCIES } from "./workspace";

export const DEAL_STATUSES = ["open", "won", "lost"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const DealDto = z
  .object({
    id: z.uuid(),
    title: z.string(),
    pipeline: Ref,
    stage: z.object({ id: z.uuid(), name: z.string(), probability: z.number().int() }),
    client: Ref.nullable(),
    lead: Ref.nullable(),
    contact: Ref.nullable(),
    valueMinor: z.number().int().describe("Value in minor units, e.g. cents"),
    currency: z.enum(CURRENCIES),
    expectedCloseDate: z.iso.date().nullable(),
    owner: Ref.nullable(),
    status: z.enum(DEAL_STATUSES),
    lostReason: z.string().nullable(),
    closedAt: z.iso.datetime().nullable(),
    position: z.number().describe("Order within its stage's board column"),
    stageEnteredAt: z.iso.datetime(),
    timeInStageSeconds: z.number().int().describe("Seconds in the current stage (until closing for a closed deal)"),
    lastActivityAt: z.iso.datetime(),
    rotting: z.boolean().describe("Open with no activity for longer than the pipeline's rotting days"),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.unknown()).describe("Custom field values keyed by field key (set fields only)"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: "DealDto" });
export type DealDto = z.infer<typeof DealDto>;

export const DEAL_SORTS = ["createdAt", "updatedAt", "title", "value", "expectedCloseDate", "custom"] as const;
export type DealSort = (typeof DEAL_SORTS)[number];

export const ListDealsQuery = z
  .strictObject({
    q: z.string().trim().max(120).optional().describe("Search title and tags (a fragment of either; full text for several words); typo-tolerant on the title when fewer than 50 deals match exactly"),
    pipelineId: z.uuid().optional(),
    stageId: z.uuid().optional(),
    status: z.enum(DEAL_STATUSES).optional(),
    ownerId: z.uuid().optional(),
    clientId: z.uuid().optional(),
    leadId: z.uuid().optional(),
    tag: tagField.optional(),
    rotting: z.enum(["true"]).optional().describe("Only rotting deals"),
    ...listQueryFields(DEAL_SORTS, { sort: "createdAt", order: "desc" }),
  })
  .meta({ id: "ListDealsQuery" });
export type ListDealsQuery = z.infer<typeof ListDealsQuery>;

export const DealListResponse = paginated(DealDto, "DealListResponse");
export type DealListResponse = z.infer<typeof DealListResponse>;
export const DealResponse = z.object({ data: DealDto }).meta({ id: "DealResponse" });
export type DealResponse = z.infer<typeof DealResponse>;

const dealFields = {
  title: z.string().trim().min(1, "Enter the deal's title").max(200),
  clientId: z.uuid().nullable().describe("Client the deal is with (a client you can see)"),
  leadId: z.uuid().nullable().describe("Lead the deal is with (a lead you can see)"),
  contactId: z.uuid().nullable().describe("A contact of the deal's client"),
  valueMinor: moneyMinorField.describe("Value in minor units, e.g. cents"),
  currency: z.enum(CURRENCIES).describe("Defaults to the workspace currency"),
  expectedCloseDate: z.iso.date("Use a date like 2026-12-31").nullable(),
  ownerId: z.uuid().nullable(),
  tags: z.array(tagField).max(30),
  customFields: customFieldsBodyField,
};

export const CreateDealBody = z
  .strictObject({
    ...dealFields,
    pipelineId: z.uuid().optional().describe("Default: the workspace's first pipeline"),
    stageId: z.uuid().optional().describe("Default: the pipeline's first stage"),
  })
  .partial({ clientId: true, leadId: true, contactId: true, valueMinor: true, currency: true, expectedCloseDate: true, ownerId: true, tags: true, customFields: true })
  .meta({ id: "CreateDealBody" });
export type CreateDealBody = z.infer<typeof CreateDealBody>;

/** Why a new deal gets the owner it gets when the body names none (or, for `self`, may name only the creator). */
export const DEAL_OWNER_REASONS = ["self", "lead_owner", "client_owner", "creator"] as const;
export type DealOwnerReason = (typeof DEAL_OWNER_REASONS)[number];

export const DealDefaultOwnerQuery = z
  .strictObject({
    clientId: z.uuid().optional().describe("The client the new deal will be on"),
    leadId: z.uuid().optional().describe("The lead the new deal will be on"),
  })
  .meta({ id: "DealDefaultOwnerQuery" });
export type DealDefaultOwnerQuery = z.infer<typeof DealDefaultOwnerQuery>;

export const DealDefaultOwnerResponse = z
  .object({
    data: z.object({
      owner: Ref.describe("Who owns the new deal unless the body names someone"),
      reason: z
        .enum(DEAL_OWNER_REASONS)
        .describe("self: the caller only owns their own deals; lead_owner: the lead's owner; client_owner: the client's account owner; creator: the caller"),
    }),
  })
  .meta({ id: "DealDefaultOwnerResponse" });
export type DealDefaultOwnerResponse = z.infer<typeof DealDefaultOwnerResponse>;

export const UpdateDealBody = z.strictObject(dealFields).partial().meta({ id: "UpdateDealBody" });
export type UpdateDealBody = z.infer<typeof UpdateDealBody>;

export const MoveDealBody = z
  .strictObject({
    stageId: z.uuid().describe("Target stage (of the deal's pipeline)"),
    beforeId: z.uuid().optional().describe("Place the deal directly before this deal of the target column"),
    afterId: z.uuid().optional().describe("Place the deal directly after this deal of the target column"),
    position: z.number().int().min(0).optional().describe("0-based index in the target column (without beforeId/afterId); default: last"),
  })
  .meta({ id: "MoveDealBody" });
export type MoveDealBody = z.infer<typeof MoveDealBody>;

export const CloseDealBody = z
  .strictObject({
    status: z.enum(["won", "lost"]),
    reason: z.string().trim().max(500).optional().describe("Why it was lost (required for lost)"),
  })
  .superRefine((b, ctx) => {
    if (b.status === "lost" && !b.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the deal was lost" });
  })
  .meta({ id: "CloseDealBody" });
export type CloseDealBody = z.infer<typeof CloseDealBody>;

export const BulkDealsBody = bulkBody(
  "BulkDealsBody",
  ownedRecordBulkActions(
    z
      .strictObject({ type: z.literal("set_status"), status: z.enum(DEAL_STATUSES), reason: z.string().trim().max(500).optional() })
      .superRefine((a, ctx) => {
        if (a.status === "lost" && !a.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the deals were lost" });
      }),
  ),
);
export type BulkDealsBody = z.infer<typeof BulkDealsBody>;

export const StageStayDto = z
  .object({
    id: z.uuid(),
    stage: z.object({
      id: z.uuid().nullable().describe("Null once the stage has been deleted"),
      name: z.string().describe("The stage's name (its last name when deleted)"),
      deleted: z.boolean().describe("True when the stage no longer exists"),
    }),
    enteredAt: z.iso.datetime(),
    leftAt: z.iso.datetime().nullable(),
    durationSeconds: z.number().int().describe("Time in the stage (until now while it is still there)"),
    actor: Ref.nullable(),
  })
  .meta({ id: "StageStayDto" });
export type StageStayDto = z.infer<typeof StageStayDto>;
export const StageHistoryResponse = z.object({ data: z.array(StageStayDto).describe("Oldest first") }).meta({ id: "StageHistoryResponse" });
export type StageHistoryResponse = z.infer<typeof StageHistoryResponse>;

/** Sums of deals in one currency. */
export const CurrencyTotals = z
  .object({ currency: z.enum(CURRENCIES), valueMinor: z.number().int(), weightedMinor: z.number().int().describe("Sum of value × stage probability") })
  .meta({ id: "CurrencyTotals" });
export type CurrencyTotals = z.infer<typeof CurrencyTotals>;

export const BoardQuery = z
  .strictObject({
    ownerId: z.uuid().optional(),
    q: z.string().trim().max(120).optional().describe("Search title and tags, as the deals list does (the mode rides in the column cursors)"),
    tag: tagField.optional(),
    stageId: z.uuid().optional().describe("Load more of one column (with cursor)"),
    cursor: z.string().max(512).optional().describe("That column's nextCursor"),
    limit: z.coerce.number().int().min(1).max(BOARD_COLUMN_MAX).default(BOARD_COLUMN_DEFAULT).describe("Deals per column"),
  })
  .meta({ id: "BoardQuery" });
export type BoardQuery = z.infer<typeof BoardQuery>;

/**
 * A card on the board: what the card shows and what a move needs. The column carries the stage and
 * every card is an open deal of the board's pipeline, so neither repeats here; the deal's page
 * (`GET /api/deals/:id`) has the rest.
 */
export const BoardCardDto = DealDto.pick({
  id: true,
  title: true,
  client: true,
  lead: true,
  owner: true,
  valueMinor: true,
  currency: true,
  expectedCloseDate: true,
  position: true,
  timeInStageSeconds: true,
  lastActivityAt: true,
  rotting: true,
  tags: true,
}).meta({ id: "BoardCardDto", description: "An open deal as its board card shows it; GET /api/deals/{id} has the rest" });
export type BoardCardDto = z.infer<typeof BoardCardDto>;

export const BoardColumnDto = z
  .object({
    stage: StageDto,
    count: z.number().int().describe("Open deals in the stage (with the filters)"),
    totals: z.array(CurrencyTotals),
    deals: z.array(BoardCardDto).describe("Open deals by position"),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "BoardColumnDto" });
export type BoardColumnDto = z.infer<typeof BoardColumnDto>;

export const BoardResponse = z.object({ pipeline: PipelineDto, columns: z.array(BoardColumnDto) }).meta({ id: "BoardResponse" });
export type BoardResponse = z.infer<typeof BoardResponse>;

export const ForecastQuery = z.strictObject({ pipelineId: z.uuid().optional() }).meta({ id: "ForecastQuery" });
export type ForecastQuery = z.infer<typeof ForecastQuery>;

export const ForecastRow = z
  .object({
    month: z.string().nullable().describe("Expected close month YYYY-MM (null: no date)"),
    currency: z.enum(CURRENCIES),
    dealCount: z.number().int(),
    valueMinor: z.number().int(),
    weightedMinor: z.number().int(),
  })
  .meta({ id: "ForecastRow" });
export type ForecastRow = z.infer<typeof ForecastRow>;
export const ForecastResponse = z.object({ data: z.array(ForecastRow).describe("By month (undated last), then currency") }).meta({ id: "ForecastResponse" });
export type ForecastResponse = z.infer<typeof ForecastResponse>;
