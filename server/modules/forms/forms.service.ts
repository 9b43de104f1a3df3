import { randomBytes } from "node:crypto";
import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import {
  type CreateLeadFormBody,
  FORM_CUSTOM_FIELD_TYPES,
  type FormField,
  type FormFieldInput,
  type LeadFormDto,
  type LeadFormListResponse,
  type ListLeadFormsQuery,
  type UpdateLeadFormBody,
} from "../../../shared/contracts/forms";
import { errors, type FieldIssue } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import type { LeadFormRow } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { CacheKeys } from "../../lib/cache/cache-keys";
import { toPage } from "../../lib/pagination";
import { recordAudit } from "../audit/audit.service";
import { presentDefinition } from "../custom-fields/custom-fields.presenter";
import { listDefinitionRows } from "../custom-fields/custom-fields.repository";
import { presentForm } from "./forms.presenter";
import { deleteForm, findForm, findFormByPublicId, formCursor, insertForm, listFormRows, updateForm } from "./forms.repository";

type ParsedFieldInput = Omit<FormFieldInput, "required"> & { required: boolean };

/** A new unguessable public id: 16 URL-safe characters (96 random bits). */
export function newPublicId(): string {
  return randomBytes(12).toString("base64url");
}

const LEAD_FIELD_TYPES: Record<string, FormField["type"]> = { name: "text", company: "text", email: "email", phone: "tel", country: "text", notes: "textarea" };

/**
 * Turns the builder's field list into stored fields: each key must be a lead field or an existing
 * lead custom field of a type a form can carry; the type follows the field (text may be a textarea);
 * a select takes its choices from the custom field. The form must ask for a required email or phone
 * (dedupe and follow-up need one), and carry every required lead custom field.
 */
export function resolveFormFields(inputs: ParsedFieldInput[], definitions: CustomFieldDefinitionDto[]): FormField[] {
  const issues: FieldIssue[] = [];
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const seen = new Set<string>();
  const fields: FormField[] = [];
  inputs.forEach((input, i) => {
    const path = `body.fields.${i}.key`;
    if (seen.has(input.key)) {
      issues.push({ path, message: "This field is already on the form", code: "duplicate" });
      return;
    }
    seen.add(input.key);
    const base = { key: input.key, label: input.label, required: input.required, placeholder: input.placeholder ?? null, options: [] as string[] };
    if (!input.key.startsWith("cf.")) {
      const type = LEAD_FIELD_TYPES[input.key]!;
      fields.push({ ...base, type: type === "text" && input.type === "textarea" ? "textarea" : type });
      return;
    }
    const def = byKey.get(input.key.slice(3));
    if (!def) {
      issues.push({ path, message: "There is no lead custom field with this key", code: "unknown_field" });
      return;
    }
    const type = FORM_CUSTOM_FIELD_TYPES[def.type as keyof typeof FORM_CUSTOM_FIELD_TYPES];
    if (!type) {
      issues.push({ path, message: `A ${def.type.replace("_", "-")} field can't be on a form`, code: "unsupported_type" });
      return;
    }
    fields.push({ ...base, type: type === "text" && input.type === "textarea" ? "textarea" : type, options: type === "select" ? def.options : [] });
  });
  if (!fields.some((f) => (f.key === "email" || f.key === "phone") && f.required)) {
    issues.push({ path: "body.fields", message: "Ask for an email or a phone number and make it required", code: "contact_required" });
  }
  for (const def of definitions) {
    if (def.required && !fields.some((f) => f.key === `cf.${def.key}` && f.required)) {
      issues.push({ path: "body.fields", message: `Add the required custom field “${def.label}” and make it required`, code: "required_custom_field" });
    }
  }
  if (issues.length) throw errors.validation(issues);
  return fields;
}

/** The stored fields as they render now: select choices from the current definition; deleted custom fields dropped. */
export function liveFields(fields: FormField[], definitions: CustomFieldDefinitionDto[]): FormField[] {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  return fields.flatMap((f) => {
    if (!f.key.startsWith("cf.")) return [f];
    const def = byKey.get(f.key.slice(3));
    if (!def) return [];
    return [{ ...f, options: f.type === "select" ? def.options : [] }];
  });
}

async function leadDefinitions(db: Db, workspaceId: string): Promise<CustomFieldDefinitionDto[]> {
  return (await listDefinitionRows(db, workspaceId, "lead")).map(presentDefinition);
}

/** What the frame and CORS headers need to know about a form, cached by public id. */
export interface FormEmbedding {
  enabled: boolean;
  allowedOrigins: string[];
}

export async function formEmbedding(app: AppContext, publicId: string): Promise<FormEmbedding | null> {
  return app.cache.getOrSet(CacheKeys.leadFormEmbedding(publicId), async () => {
    const found = await findFormByPublicId(app.database.db, publicId);
    return found ? { enabled: found.form.enabled, allowedOrigins: found.form.allowedOrigins } : null;
  });
}

async function forgetEmbedding(app: AppContext, publicId: string): Promise<void> {
  await app.cache.delete(CacheKeys.leadFormEmbedding(publicId));
}

const present = (app: AppContext, row: LeadFormRow) => presentForm(app.config.APP_URL, row);

/** The workspace's forms in the chosen order. */
export async function listForms(app: AppContext, actor: Actor, q: ListLeadFormsQuery): Promise<LeadFormListResponse> {
  const rows = await listFormRows(app.database.db, actor.workspaceId, q);
  return toPage(rows, q.limit, (r) => formCursor(r, q.sort), (r) => present(app, r));
}

export async function getForm(app: AppContext, actor: Actor, id: string): Promise<LeadFormDto> {
  const row = await findForm(app.database.db, actor.workspaceId, id);
  if (!row) throw errors.notFound("Form");
  return present(app, row);
}

function auditable(row: Pick<LeadFormRow, "name" | "fields" | "consent" | "success" | "allowedOrigins" | "tags" | "enabled">) {
  return { name: row.name, fields: row.fields.map((f) => f.key), consent: row.consent, success: row.success, allowedOrigins: row.allowedOrigins, tags: row.tags, enabled: row.enabled };
}

export async function createForm(app: AppContext, actor: Actor, body: CreateLeadFormBody): Promise<LeadFormDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const fields = resolveFormFields(body.fields, await leadDefinitions(tx.db, actor.workspaceId));
    const created = await insertForm(tx.db, {
      workspaceId: actor.workspaceId,
      name: body.name,
      publicId: newPublicId(),
      fields,
      consent: body.consent,
      success: body.success,
      allowedOrigins: [...new Set(body.allowedOrigins)],
      tags: [...new Set(body.tags)],
      enabled: body.enabled,
    });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "lead_form.created", entityType: "lead_form", entityId: created.id, changes: auditable(created) });
    return created;
  });
  return present(app, row);
}

export async function editForm(app: AppContext, actor: Actor, id: string, body: UpdateLeadFormBody): Promise<LeadFormDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const before = await findForm(tx.db, actor.workspaceId, id);
    if (!before) throw errors.notFound("Form");
    const { fields: fieldInputs, allowedOrigins, tags, ...rest } = body;
    const patch: Partial<LeadFormRow> = { ...rest };
    if (fieldInputs) patch.fields = resolveFormFields(fieldInputs, await leadDefinitions(tx.db, actor.workspaceId));
    if (allowedOrigins) patch.allowedOrigins = [...new Set(allowedOrigins)];
    if (tags) patch.tags = [...new Set(tags)];
    const updated = await updateForm(tx.db, actor.workspaceId, id, patch);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "lead_form.updated", entityType: "lead_form", entityId: id, changes: { before: auditable(before), after: auditable(updated!) } });
    return updated!;
  });
  await forgetEmbedding(app, row.publicId);
  return present(app, row);
}

export async function removeForm(app: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const form = await findForm(tx.db, actor.workspaceId, id);
    if (!form) throw errors.notFound("Form");
    await deleteForm(tx.db, actor.workspaceId, id);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "lead_form.deleted", entityType: "lead_form", entityId: id, changes: { name: form.name, submissionCount: form.submissionCount } });
    return form;
  });
  await forgetEmbedding(app, row.publicId);
}

export { leadDefinitions };
