import { z } from "zod";
import { BulkResult } from "../../../shared/contracts/clients";
import { IdParams } from "../../../shared/contracts/common";
import {
  BoardQuery,
  BoardResponse,
  BulkDealsBody,
  CloseDealBody,
  CreateDealBody,
  DealDefaultOwnerQuery,
  DealDefaultOwnerResponse,
  DealListResponse,
  DealResponse,
  ForecastQuery,
  ForecastResponse,
  ListDealsQuery,
  MoveDealBody,
  StageHistoryResponse,
  UpdateDealBody,
} from "../../../shared/contracts/deals";
import { defineRoute } from "../../http/define-route";
import { previewDealOwner } from "./deal-owner";
import { getBoard, getForecast } from "./deals-board.service";
import { bulkDeals } from "./deals-bulk.service";
import { streamDealsCsv } from "./deals-export.service";
import { closeDeal, moveDeal, reopenDeal } from "./deals-move.service";
import * as deals from "./deals.service";

const tags = ["Deals"];
const CsvBody = z.string().describe("CSV (RFC 4180, CRLF line ends, header row first)").meta({ id: "DealsCsv" });
const read = { kind: "staff", permission: "deals.read" } as const;
const write = { kind: "staff", permission: "deals.write" } as const;

export const dealsRoutes = [
  defineRoute({
    method: "get",
    path: "/deals",
    summary: "List deals (search, filters, sorts, keyset paging)",
    description: "Sales agents see their own deals; staff all or their own per the workspace setting.",
    tags,
    access: read,
    request: { query: ListDealsQuery },
    responses: { 200: DealListResponse },
    handler: ({ app, actor, input }) => deals.listDeals(app, actor, input.query),
  }),
  defineRoute({
    method: "get",
    path: "/deals/export.csv",
    summary: "Export deals as CSV (same filters and visibility as the list; streamed)",
    tags,
    access: read,
    request: { query: ListDealsQuery },
    responses: { 200: CsvBody },
    produces: "text/csv",
    handler: ({ app, actor, input, res }) => streamDealsCsv(app, actor, input.query, res),
  }),
  defineRoute({
    method: "get",
    path: "/deals/forecast",
    summary: "Forecast: open deals' value and weighted value (× stage probability) by expected close month",
    tags,
    access: read,
    request: { query: ForecastQuery },
    responses: { 200: ForecastResponse },
    handler: ({ app, actor, input }) => getForecast(app, actor, input.query),
  }),
  defineRoute({
    method: "get",
    path: "/deals/default-owner",
    summary: "Who a new deal on this client or lead will be owned by when no owner is named",
    tags,
    access: write,
    request: { query: DealDefaultOwnerQuery },
    responses: { 200: DealDefaultOwnerResponse },
    handler: ({ app, actor, input }) => previewDealOwner(app, actor, input.query),
  }),
  defineRoute({
    method: "post",
    path: "/deals",
    summary: "Create a deal (on a client or a lead); without ownerId: the lead's owner, else the client's owner, else you (403 deal_owner_must_be_self when a sales agent names someone else)",
    tags,
    access: write,
    request: { body: CreateDealBody },
    responses: { 201: DealResponse },
    handler: async ({ app, actor, input }) => ({ data: await deals.createDeal(app, actor, input.body) }),
  }),
  defineRoute({
    method: "post",
    path: "/deals/bulk",
    summary: "Apply one action to many deals (invisible ones are reported as skipped)",
    tags,
    access: write,
    request: { body: BulkDealsBody },
    responses: { 200: BulkResult },
    handler: ({ app, actor, input }) => bulkDeals(app, actor, input.body),
  }),
  defineRoute({
    method: "get",
    path: "/deals/:id",
    summary: "Get a deal",
    tags,
    access: read,
    request: { params: IdParams },
    responses: { 200: DealResponse },
    handler: async ({ app, actor, input }) => ({ data: await deals.getDeal(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "patch",
    path: "/deals/:id",
    summary: "Edit a deal (owner changes are written to its timeline)",
    tags,
    access: write,
    request: { params: IdParams, body: UpdateDealBody },
    responses: { 200: DealResponse },
    handler: async ({ app, actor, input }) => ({ data: await deals.updateDealDetails(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/deals/:id",
    summary: "Delete a deal with its timeline and stage history",
    tags,
    access: { kind: "staff", permission: "deals.delete" },
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await deals.removeDeal(app, actor, input.params.id);
    },
  }),
  defineRoute({
    method: "post",
    path: "/deals/:id/move",
    summary: "Move an open deal to a stage and a place in its column (stage history and timeline on a stage change)",
    tags,
    access: write,
    request: { params: IdParams, body: MoveDealBody },
    responses: { 200: DealResponse },
    handler: async ({ app, actor, input }) => ({ data: await moveDeal(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "post",
    path: "/deals/:id/close",
    summary: "Mark an open deal won or lost (a reason is required for lost)",
    tags,
    access: write,
    request: { params: IdParams, body: CloseDealBody },
    responses: { 200: DealResponse },
    handler: async ({ app, actor, input }) => ({ data: await closeDeal(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "post",
    path: "/deals/:id/reopen",
    summary: "Reopen a won or lost deal",
    tags,
    access: write,
    request: { params: IdParams },
    responses: { 200: DealResponse },
    handler: async ({ app, actor, input }) => ({ data: await reopenDeal(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "get",
    path: "/deals/:id/stage-history",
    summary: "A deal's stays in each stage with time in stage",
    tags,
    access: read,
    request: { params: IdParams },
    responses: { 200: StageHistoryResponse },
    handler: ({ app, actor, input }) => deals.stageHistory(app, actor, input.params.id),
  }),
  defineRoute({
    method: "get",
    path: "/pipelines/:id/board",
    summary: "A pipeline's kanban board: per stage the first open deals, count, value and weighted value",
    description: "With stageId and cursor, one column's next deals (load more).",
    tags,
    access: read,
    request: { params: IdParams, query: BoardQuery },
    responses: { 200: BoardResponse },
    handler: ({ app, actor, input }) => getBoard(app, actor, input.params.id, input.query),
  }),
];
