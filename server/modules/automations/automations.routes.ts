import { z } from "zod";
import {
  AutomationListResponse,
  AutomationResponse,
  AutomationRunListResponse,
  CreateAutomationBody,
  ListAutomationRunsQuery,
  UpdateAutomationBody,
} from "../../../shared/contracts/automations";
import { IdParams } from "../../../shared/contracts/common";
import { defineRoute } from "../../http/define-route";
import { automationActionCatalogue } from "./automation-actions";
import * as automations from "./automations.service";

const tags = ["Automations"];
const access = { kind: "staff", permission: "automations.manage" } as const;
const ActionCatalogueResponse = z.object({ data: z.array(z.object({ type: z.string(), label: z.string() })) }).meta({ id: "AutomationActionCatalogueResponse" });

export const automationsRoutes = [
  defineRoute({
    method: "get",
    path: "/automations",
    summary: "List automations",
    tags,
    access,
    responses: { 200: AutomationListResponse },
    handler: ({ app, actor }) => automations.listAutomations(app, actor),
  }),
  defineRoute({
    method: "get",
    path: "/automations/actions",
    summary: "The registered automation actions",
    tags,
    access,
    responses: { 200: ActionCatalogueResponse },
    handler: async () => ({ data: automationActionCatalogue() }),
  }),
  defineRoute({
    method: "post",
    path: "/automations",
    summary: "Create an automation (trigger + conditions → actions)",
    tags,
    access,
    request: { body: CreateAutomationBody },
    responses: { 201: AutomationResponse },
    handler: async ({ app, actor, input }) => ({ data: await automations.createAutomation(app, actor, input.body) }),
  }),
  defineRoute({
    method: "get",
    path: "/automations/:id",
    summary: "Get an automation",
    tags,
    access,
    request: { params: IdParams },
    responses: { 200: AutomationResponse },
    handler: async ({ app, actor, input }) => ({ data: await automations.getAutomation(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "patch",
    path: "/automations/:id",
    summary: "Edit, enable or disable an automation",
    tags,
    access,
    request: { params: IdParams, body: UpdateAutomationBody },
    responses: { 200: AutomationResponse },
    handler: async ({ app, actor, input }) => ({ data: await automations.updateAutomation(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/automations/:id",
    summary: "Delete an automation and its run log",
    tags,
    access,
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await automations.deleteAutomation(app, actor, input.params.id);
    },
  }),
  defineRoute({
    method: "get",
    path: "/automations/:id/runs",
    summary: "An automation's run log, newest first",
    tags,
    access,
    request: { params: IdParams, query: ListAutomationRunsQuery },
    responses: { 200: AutomationRunListResponse },
    handler: ({ app, actor, input }) => automations.listAutomationRuns(app, actor, input.params.id, input.query),
  }),
  defineRoute({
    method: "get",
    path: "/leads/:id/automation-runs",
    summary: "Automation runs on a lead, newest first",
    tags,
    access: { kind: "staff", permission: "leads.read" },
    request: { params: IdParams, query: ListAutomationRunsQuery },
    responses: { 200: AutomationRunListResponse },
    handler: ({ app, actor, input }) => automations.listLeadAutomationRuns(app, actor, input.params.id, input.query),
  }),
];
