import { ClientListResponse, ListClientsQuery, PortalOverviewResponse } from "../../../shared/contracts/clients";
import { defineRoute } from "../../http/define-route";
import { listWorkspaceClients, portalOverview } from "./clients.service";

export const clientsRoutes = [
  defineRoute({
    method: "get",
    path: "/clients",
    summary: "List clients (name order, keyset paging)",
    tags: ["Clients"],
    access: { kind: "staff", permission: "clients.read" },
    request: { query: ListClientsQuery },
    responses: { 200: ClientListResponse },
    handler: ({ app, actor, input }) => listWorkspaceClients(app, actor, input.query),
  }),
  defineRoute({
    method: "get",
    path: "/portal/overview",
    summary: "The portal client's own client record",
    tags: ["Portal"],
    access: { kind: "portal" },
    responses: { 200: PortalOverviewResponse },
    handler: ({ app, actor }) => portalOverview(app, actor),
  }),
];
