import {
  AssignmentRuleListResponse,
  AssignmentRuleResponse,
  CreateAssignmentRuleBody,
  ReorderAssignmentRulesBody,
  UpdateAssignmentRuleBody,
} from "../../../shared/contracts/assignment-rules";
import { IdParams } from "../../../shared/contracts/common";
import { defineRoute } from "../../http/define-route";
import * as rules from "./assignment-rules.service";

const tags = ["Assignment rules"];
const access = { kind: "staff", permission: "automations.manage" } as const;

export const assignmentRulesRoutes = [
  defineRoute({
    method: "get",
    path: "/assignment-rules",
    summary: "List lead assignment rules in evaluation order (first enabled match wins)",
    tags,
    access,
    responses: { 200: AssignmentRuleListResponse },
    handler: ({ app, actor }) => rules.listRules(app, actor),
  }),
  defineRoute({
    method: "post",
    path: "/assignment-rules",
    summary: "Add an assignment rule (at the end of the order)",
    tags,
    access,
    request: { body: CreateAssignmentRuleBody },
    responses: { 201: AssignmentRuleResponse },
    handler: async ({ app, actor, input }) => ({ data: await rules.createRule(app, actor, input.body) }),
  }),
  defineRoute({
    method: "put",
    path: "/assignment-rules/order",
    summary: "Reorder the assignment rules",
    tags,
    access,
    request: { body: ReorderAssignmentRulesBody },
    responses: { 200: AssignmentRuleListResponse },
    handler: ({ app, actor, input }) => rules.reorderRules(app, actor, input.body),
  }),
  defineRoute({
    method: "patch",
    path: "/assignment-rules/:id",
    summary: "Edit an assignment rule",
    tags,
    access,
    request: { params: IdParams, body: UpdateAssignmentRuleBody },
    responses: { 200: AssignmentRuleResponse },
    handler: async ({ app, actor, input }) => ({ data: await rules.updateRule(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/assignment-rules/:id",
    summary: "Delete an assignment rule",
    tags,
    access,
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await rules.deleteRule(app, actor, input.params.id);
    },
  }),
];
