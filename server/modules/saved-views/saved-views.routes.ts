import { IdParams } from "../../../shared/contracts/common";
import { CreateSavedViewBody, ListSavedViewsQuery, SavedViewListResponse, SavedViewResponse, UpdateSavedViewBody } from "../../../shared/contracts/saved-views";
import { defineRoute } from "../../http/define-route";
import * as views from "./saved-views.service";

const tags = ["Saved views"];
const READ_NOTE = "Also needs the list's own read permission: clients.read for clients and contacts, leads.read for leads, deals.read for deals.";

export const savedViewsRoutes = [
  defineRoute({
    method: "get",
    path: "/saved-views",
    summary: "List the caller's personal views and the workspace's shared views of one list",
    description: READ_NOTE,
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { query: ListSavedViewsQuery },
    responses: { 200: SavedViewListResponse },
    handler: ({ app, actor, input }) => views.listSavedViews(app, actor, input.query.entityType),
  }),
  defineRoute({
    method: "post",
    path: "/saved-views",
    summary: "Save a list's query and columns as a view (personal or shared)",
    description: `${READ_NOTE} The query is checked against the list's query parameters. A view stores only the query: applying it still shows only what the list shows the viewer.`,
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { body: CreateSavedViewBody },
    responses: { 201: SavedViewResponse },
    handler: async ({ app, actor, input }) => ({ data: await views.createSavedView(app, actor, input.body) }),
  }),
  defineRoute({
    method: "patch",
    path: "/saved-views/:id",
    summary: "Rename, re-share or re-save a view (its owner; a shared view also admins and managers)",
    description: "A colleague's personal view is 404.",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { params: IdParams, body: UpdateSavedViewBody },
    responses: { 200: SavedViewResponse },
    handler: async ({ app, actor, input }) => ({ data: await views.editSavedView(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/saved-views/:id",
    summary: "Delete a view (same rule as editing)",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await views.removeSavedView(app, actor, input.params.id);
    },
  }),
];
