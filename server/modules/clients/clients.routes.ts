import { z } from "zod";
import {
  BulkClientsBody,
  BulkResult,
  ClientListResponse,
  ClientResponse,
  CreateClientBody,
  ListClientsQuery,
  PortalOverviewResponse,
  SetAssigneesBody,
  UpdateClientBody,
  UpdatePortalSettingsBody,
} from "../../../shared/contracts/clients";
import { IdParams } from "../../../shared/contracts/common";
import { defineRoute } from "../../http/define-route";
import { bulkClients } from "./clients-bulk.service";
import { streamClientsCsv } from "./clients-export.service";
import * as clients from "./clients.service";
import { portalOverview } from "./portal.service";

const tags = ["Clients"];
const CsvBody = z.string().describe("CSV (RFC 4180, CRLF line ends, header row first)").meta({ id: "ClientsCsv" });

export const clientsRoutes = [
  defineRoute({
    method: "get",
    path: "/clients",
    summary: "List clients (search, filters, sorts, keyset paging)",
    description: "Sales agents see clients they own or are assigned to; creators see the ones they are assigned to.",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { query: ListClientsQuery },
    responses: { 200: ClientListResponse },
    handler: ({ app, actor, input }) => clients.listClients(app, actor, input.query),
  }),
  defineRoute({
    method: "get",
    path: "/clients/export.csv",
    summary: "Export clients as CSV (same filters and visibility as the list; streamed)",
    tags,
    access: { kind: "staff", permission: "clients.export" },
    request: { query: ListClientsQuery },
    responses: { 200: CsvBody },
    produces: "text/csv",
    handler: ({ app, actor, input, res }) => streamClientsCsv(app, actor, input.query, res),
  }),
  defineRoute({
    method: "post",
    path: "/clients",
    summary: "Create a client",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { body: CreateClientBody },
    responses: { 201: ClientResponse },
    handler: async ({ app, actor, input }) => ({ data: await clients.createClient(app, actor, input.body) }),
  }),
  defineRoute({
    method: "post",
    path: "/clients/bulk",
    summary: "Apply one action to many clients (unpermitted ones are reported as skipped)",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { body: BulkClientsBody },
    responses: { 200: BulkResult },
    handler: ({ app, actor, input }) => bulkClients(app, actor, input.body),
  }),
  defineRoute({
    method: "get",
    path: "/clients/:id",
    summary: "Get a client",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { params: IdParams },
    responses: { 200: ClientResponse },
    handler: async ({ app, actor, input }) => ({ data: await clients.getClient(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "patch",
    path: "/clients/:id",
    summary: "Edit a client (status and owner changes are written to its timeline)",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { params: IdParams, body: UpdateClientBody },
    responses: { 200: ClientResponse },
    handler: async ({ app, actor, input }) => ({ data: await clients.updateClientDetails(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/clients/:id",
    summary: "Delete a client with its contacts and timeline (409 while a portal user is bound to it)",
    tags,
    access: { kind: "staff", permission: "clients.delete" },
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await clients.removeClient(app, actor, input.params.id);
    },
  }),
  defineRoute({
    method: "put",
    path: "/clients/:id/assignees",
    summary: "Replace a client's assigned team members",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { params: IdParams, body: SetAssigneesBody },
    responses: { 200: ClientResponse },
    handler: async ({ app, actor, input }) => ({ data: await clients.setAssignees(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "patch",
    path: "/clients/:id/portal-settings",
    summary: "Switch the client's portal sections on or off",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { params: IdParams, body: UpdatePortalSettingsBody },
    responses: { 200: ClientResponse },
    handler: async ({ app, actor, input }) => ({ data: await clients.updatePortalSettings(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "get",
    path: "/portal/overview",
    summary: "The portal client's own client record, its portal sections and its contacts",
    tags: ["Portal"],
    access: { kind: "portal" },
    responses: { 200: PortalOverviewResponse },
    handler: ({ app, actor }) => portalOverview(app, actor),
  }),
];
