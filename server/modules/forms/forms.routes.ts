import type { Request } from "express";
import { IdParams } from "../../../shared/contracts/common";
import {
  CreateLeadFormBody,
  FormSubmissionBody,
  FormSubmissionResponse,
  LeadFormListResponse,
  LeadFormResponse,
  ListLeadFormsQuery,
  PublicFormParams,
  PublicFormResponse,
  UpdateLeadFormBody,
} from "../../../shared/contracts/forms";
import type { Config } from "../../config/env";
import { defineRoute } from "../../http/define-route";
import { getPublicForm, type SubmissionContext, submitForm } from "./form-submission.service";
import * as forms from "./forms.service";

const tags = ["Forms"];
const publicTags = ["Public forms"];
const access = { kind: "staff", permission: "forms.manage" } as const;

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return "null";
  }
}

/** Where a public submission comes from: IP, the page's origin, and the app's own origins. */
function submissionContext(req: Request, config: Config): SubmissionContext {
  return {
    ip: req.ip ?? "unknown",
    origin: originOf(req.get("origin") ?? req.get("referer")),
    ownOrigins: [new URL(config.APP_URL).origin, `${req.protocol}://${req.get("host")}`],
  };
}

export const formsRoutes = [
  defineRoute({
    method: "get",
    path: "/forms",
    summary: "List web-to-lead forms, newest first",
    tags,
    access,
    request: { query: ListLeadFormsQuery },
    responses: { 200: LeadFormListResponse },
    handler: ({ app, actor, input }) => forms.listForms(app, actor, input.query),
  }),
  defineRoute({
    method: "post",
    path: "/forms",
    summary: "Create a web-to-lead form (returns its hosted URL and embed snippets)",
    tags,
    access,
    request: { body: CreateLeadFormBody },
    responses: { 201: LeadFormResponse },
    handler: async ({ app, actor, input }) => ({ data: await forms.createForm(app, actor, input.body) }),
  }),
  defineRoute({
    method: "get",
    path: "/forms/:id",
    summary: "One form",
    tags,
    access,
    request: { params: IdParams },
    responses: { 200: LeadFormResponse },
    handler: async ({ app, actor, input }) => ({ data: await forms.getForm(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "patch",
    path: "/forms/:id",
    summary: "Edit a form",
    tags,
    access,
    request: { params: IdParams, body: UpdateLeadFormBody },
    responses: { 200: LeadFormResponse },
    handler: async ({ app, actor, input }) => ({ data: await forms.editForm(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/forms/:id",
    summary: "Delete a form (its leads stay)",
    tags,
    access,
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await forms.removeForm(app, actor, input.params.id);
    },
  }),
  defineRoute({
    method: "get",
    path: "/public/forms/:publicId",
    summary: "A form's definition for rendering (no sign-in; 404 when switched off)",
    tags: publicTags,
    access: { kind: "public" },
    request: { params: PublicFormParams },
    responses: { 200: PublicFormResponse },
    handler: async ({ app, input }) => ({ data: await getPublicForm(app, input.params.publicId) }),
  }),
  defineRoute({
    method: "post",
    path: "/public/forms/:publicId/submissions",
    summary: "Submit a form (JSON or urlencoded; rate-limited per IP and form; the page's origin must be allowed)",
    description:
      "Body: field keys (`email`, `cf.budget`) to values, `consent` (true/on when ticked). A filled honeypot field answers 200 and keeps nothing. A known email adds to that lead instead of creating a duplicate.",
    tags: publicTags,
    access: { kind: "public" },
    request: { params: PublicFormParams, body: FormSubmissionBody },
    responses: { 200: FormSubmissionResponse },
    handler: ({ app, req, input }) => submitForm(app, input.params.publicId, input.body, submissionContext(req, app.config)),
  }),
];
