import { z } from "zod";
import { BulkResult } from "../../../shared/contracts/clients";
import { IdParams } from "../../../shared/contracts/common";
import {
  BulkLeadsBody,
  ConvertLeadBody,
  ConvertLeadResponse,
  CreateLeadBody,
  LeadListResponse,
  LeadResponse,
  LeadWorkloadResponse,
  ListLeadsQuery,
  UpdateLeadBody,
} from "../../../shared/contracts/leads";
import { defineRoute } from "../../http/define-route";
import { convertLead } from "./lead-conversion.service";
import { bulkLeads } from "./leads-bulk.service";
import { streamLeadsCsv } from "./leads-export.service";
import * as leads from "./leads.service";

const tags = ["Leads"];
const CsvBody = z.string().describe("CSV (RFC 4180, CRLF line ends, header row first)").meta({ id: "LeadsCsv" });
const reach = "Admins and managers see every lead; staff all or their own (workspace setting); sales agents their own.";

export const leadsRoutes = [
  defineRoute({
    method: "get",
    path: "/leads",
    summary: "List leads (search, filters, sorts, keyset paging)",
    description: reach,
    tags,
    access: { kind: "staff", permission: "leads.read" },
    request: { query: ListLeadsQuery },
    responses: { 200: LeadListResponse },
    handler: ({ app, actor, input }) => leads.listLeads(app, actor, input.query),
  }),
  defineRoute({
    method: "get",
    path: "/leads/export.csv",
    summary: "Export leads as CSV (same filters and reach as the list; streamed)",
    tags,
    access: { kind: "staff", permission: "leads.export" },
    request: { query: ListLeadsQuery },
    responses: { 200: CsvBody },
    produces: "text/csv",
    handler: ({ app, actor, input, res }) => streamLeadsCsv(app, actor, input.query, res),
  }),
  defineRoute({
    method: "get",
    path: "/leads/workload",
    summary: "Open leads per team member (among the leads the caller sees)",
    tags,
    access: { kind: "staff", permission: "leads.read" },
    responses: { 200: LeadWorkloadResponse },
    handler: ({ app, actor }) => leads.getLeadWorkload(app, actor),
  }),
  defineRoute({
    method: "post",
    path: "/leads",
    summary: "Create a lead (assignment rules choose the owner when none is given)",
    tags,
    access: { kind: "staff", permission: "leads.write" },
    request: { body: CreateLeadBody },
    responses: { 201: LeadResponse },
    handler: async ({ app, actor, input }) => ({ data: await leads.createLead(app, actor, input.body) }),
  }),
  defineRoute({
    method: "post",
    path: "/leads/bulk",
    summary: "Apply one action to many leads (unreachable ones are reported as skipped)",
    tags,
    access: { kind: "staff", permission: "leads.write" },
    request: { body: BulkLeadsBody },
    responses: { 200: BulkResult },
    handler: ({ app, actor, input }) => bulkLeads(app, actor, input.body),
  }),
  defineRoute({
    method: "get",
    path: "/leads/:id",
    summary: "Get a lead",
    tags,
    access: { kind: "staff", permission: "leads.read" },
    request: { params: IdParams },
    responses: { 200: LeadResponse },
    handler: async ({ app, actor, input }) => ({ data: await leads.getLead(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "patch",
    path: "/leads/:id",
    summary: "Edit a lead (status and owner changes are written to its timeline)",
    tags,
    access: { kind: "staff", permission: "leads.write" },
    request: { params: IdParams, body: UpdateLeadBody },
    responses: { 200: LeadResponse },
    handler: async ({ app, actor, input }) => ({ data: await leads.updateLeadDetails(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/leads/:id",
    summary: "Delete a lead and its timeline",
    tags,
    access: { kind: "staff", permission: "leads.delete" },
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await leads.removeLead(app, actor, input.params.id);
    },
  }),
  defineRoute({
    method: "post",
    path: "/leads/:id/convert",
    summary: "Convert a lead: link or create a client, a contact and optionally a deal, in one transaction",
    tags,
    access: { kind: "staff", permission: "leads.write" },
    request: { params: IdParams, body: ConvertLeadBody },
    responses: { 200: ConvertLeadResponse },
    handler: ({ app, actor, input }) => convertLead(app, actor, input.params.id, input.body),
  }),
];
