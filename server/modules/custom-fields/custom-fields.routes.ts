import {
  CreateCustomFieldBody,
  CustomFieldListResponse,
  CustomFieldResponse,
  ListCustomFieldsQuery,
  UpdateCustomFieldBody,
} from "../../../shared/contracts/custom-fields";
import { IdParams } from "../../../shared/contracts/common";
import { defineRoute } from "../../http/define-route";
import * as customFields from "./custom-fields.service";

const tags = ["Custom fields"];

export const customFieldsRoutes = [
  defineRoute({
    method: "get",
    path: "/custom-fields",
    summary: "List the workspace's custom field definitions (of one record type, or all)",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { query: ListCustomFieldsQuery },
    responses: { 200: CustomFieldListResponse },
    handler: ({ app, actor, input }) => customFields.listDefinitions(app, actor, input.query.entityType),
  }),
  defineRoute({
    method: "post",
    path: "/custom-fields",
    summary: "Define a custom field (the key is derived from the label when omitted; 409 when it is taken)",
    tags,
    access: { kind: "staff", permission: "custom_fields.manage" },
    request: { body: CreateCustomFieldBody },
    responses: { 201: CustomFieldResponse },
    handler: async ({ app, actor, input }) => ({ data: await customFields.createDefinition(app, actor, input.body) }),
  }),
  defineRoute({
    method: "patch",
    path: "/custom-fields/:id",
    summary: "Edit a custom field's label, choices, required flag or position",
    description:
      "Type and key never change. Removing a choice that records still use is allowed: their stored values stay until the record is next edited, when validation asks for a current choice.",
    tags,
    access: { kind: "staff", permission: "custom_fields.manage" },
    request: { params: IdParams, body: UpdateCustomFieldBody },
    responses: { 200: CustomFieldResponse },
    handler: async ({ app, actor, input }) => ({ data: await customFields.editDefinition(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/custom-fields/:id",
    summary: "Delete a custom field and remove its values from every record",
    tags,
    access: { kind: "staff", permission: "custom_fields.manage" },
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await customFields.removeDefinition(app, actor, input.params.id);
    },
  }),
];
