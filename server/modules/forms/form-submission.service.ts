import type { CustomFieldDefinitionDto, CustomFieldValues } from "../../../shared/contracts/custom-fields";
import { type FormField, type FormSubmissionBody, type FormSubmissionResponse, HONEYPOT_FIELD, isTicked, type PublicFormDto } from "../../../shared/contracts/forms";
import type { LeadConsent } from "../../../shared/contracts/leads";
import { NAME_MAX } from "../../../shared/constants/limits";
import { AppError, errors, type FieldIssue } from "../../../shared/errors";
import { validateCustomFieldValues } from "../../../shared/utils/custom-fields";
import type { AppContext } from "../../app-context";
import type { LeadFormRow, LeadRow } from "../../db/schema";
import { type Tx, withTransaction } from "../../db/transaction";
import { consumeOrThrow } from "../../http/rate-limit";
import { logger } from "../../lib/logger";
import { insertActivity } from "../activities/activities.repository";
import { normalisePhone } from "../contacts/contacts.service";
import { loadDefinitions, resolveCustomFieldValues } from "../custom-fields/custom-fields.service";
import { intakeLeads } from "../leads/lead-intake";
import { countSubmission, findFormByPublicId, findLeadByEmailForUpdate, findLeadByPhoneForUpdate, lockEmail, lockPhone, updateLeadFromForm } from "./forms.repository";
import { liveFields } from "./forms.service";
import { enqueuePairRescore, touchesPairKeys } from "../duplicates/duplicate-events";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LIMITS: Record<string, number> = { name: NAME_MAX, company: 200, email: 254, phone: 40, country: 2, notes: 10_000 };

/** The form as the public page renders it; 404 when missing or switched off. */
export async function getPublicForm(app: AppContext, publicId: string): Promise<PublicFormDto> {
  const found = await findFormByPublicId(app.database.db, publicId);
  if (!found?.form.enabled) throw errors.notFound("Form");
  const definitions = await loadDefinitions(app, found.form.workspaceId, "lead");
  return {
    publicId: found.form.publicId,
    name: found.form.name,
    fields: liveFields(found.form.fields, definitions),
    consent: { required: found.form.consent.required, text: found.form.consent.text },
    honeypotField: HONEYPOT_FIELD,
    workspace: { name: found.workspaceName, brandColor: found.brandColor },
  };
}

/** Where a request comes from, as the submission checks need it. */
export interface SubmissionContext {
  ip: string;
  /** The Origin header (or the Referer's origin when Origin is absent); null from non-browser clients. */
  origin: string | null;
  /** Origins of the app itself (the hosted page posts from these). */
  ownOrigins: string[];
}

function originAllowed(form: LeadFormRow, ctx: SubmissionContext): boolean {
  // A browser always sends Origin on a POST; only non-browser clients omit it, and they could send
  // any header they like, so the check guards against other sites' pages, not against scripts.
  if (ctx.origin === null) return true;
  return ctx.ownOrigins.includes(ctx.origin) || form.allowedOrigins.includes(ctx.origin);
}

function text(value: unknown): string {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return "";
}

/** A custom value typed as its definition stores it (forms send strings). */
function customValue(def: CustomFieldDefinitionDto | undefined, raw: string): unknown {
  if (!raw) return null;
  if (def?.type === "number") {
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
  }
  return raw;
}

interface ParsedSubmission {
  lead: { name: string | null; company: string | null; email: string | null; phone: string | null; country: string | null; notes: string | null };
  custom: CustomFieldValues;
  /** What the person typed, by field key (the timeline entry shows it). */
  submitted: Record<string, string>;
  consented: boolean;
}

/** Checks the submitted values against the form's fields: required fields, formats, consent (400 with `body.<key>` paths). */
function parseSubmission(fields: FormField[], form: LeadFormRow, body: FormSubmissionBody, definitions: CustomFieldDefinitionDto[]): ParsedSubmission {
  const issues: FieldIssue[] = [];
  const defs = new Map(definitions.map((d) => [d.key, d]));
  const lead: ParsedSubmission["lead"] = { name: null, company: null, email: null, phone: null, country: null, notes: null };
  const custom: CustomFieldValues = {};
  const submitted: Record<string, string> = {};
  for (const field of fields) {
    let value = text(body[field.key]);
    const path = `body.${field.key}`;
    if (!value) {
      if (field.required) issues.push({ path, message: `${field.label} is required`, code: "required" });
      continue;
    }
    if (field.key.startsWith("cf.")) {
      const key = field.key.slice(3);
      custom[key] = customValue(defs.get(key), value);
      submitted[field.key] = value;
      continue;
    }
    const key = field.key as keyof ParsedSubmission["lead"];
    if (key === "email") value = value.toLowerCase();
    if (key === "country") value = value.toUpperCase();
    if (value.length > (LIMITS[key] ?? 2000)) issues.push({ path, message: `${field.label} is too long`, code: "too_long" });
    else if (key === "email" && !EMAIL.test(value)) issues.push({ path, message: "Enter a valid email address", code: "invalid_email" });
    else if (key === "country" && !/^[A-Z]{2}$/.test(value)) issues.push({ path, message: "Use a two-letter country code, e.g. GB", code: "invalid_country" });
    lead[key] = value;
    submitted[field.key] = value;
  }
  // Custom values' formats are checked with the rest, so one answer lists every problem: a visitor
  // has a few submissions per hour, and each corrected retry counts against them.
  for (const issue of validateCustomFieldValues(definitions, custom)) {
    if (issue.code === "invalid_value") issues.push({ ...issue, path: issue.path.replace(/^body\.customFields\./, "body.cf.") });
  }
  const consented = form.consent.text.length > 0 && isTicked(body.consent);
  if (form.consent.required && !consented) issues.push({ path: "body.consent", message: "Tick the box to agree before sending", code: "required" });
  if (issues.length) throw errors.validation(issues);
  return { lead, custom, submitted, consented };
}

/** Custom value validation with the form's paths (`body.cf.<key>` instead of `body.customFields.<key>`). */
async function resolveCustom(tx: Tx, workspaceId: string, before: CustomFieldValues, change: CustomFieldValues): Promise<CustomFieldValues> {
  try {
    return (await resolveCustomFieldValues(tx, workspaceId, "lead", before, change)).values;
  } catch (err) {
    if (err instanceof AppError && err.code === "validation_failed") {
      const issues = (err.details?.issues ?? []).map((i) => ({ ...i, path: i.path.replace(/^body\.customFields\./, "body.cf.") }));
      throw errors.validation(issues);
    }
    throw err;
  }
}

/** The phone as E.164, or null when it does not parse as one (such numbers are never matched). */
function e164(raw: string | null): string | null {
  const phone = normalisePhone(raw);
  return phone?.startsWith("+") ? phone : null;
}

const isBlank = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** A known email or phone: fill only the lead's empty fields, add the form's tags, record consent. */
async function addToLead(app: AppContext, tx: Tx, lead: LeadRow, form: LeadFormRow, parsed: ParsedSubmission, consent: LeadConsent | null): Promise<void> {
  const patch: Partial<LeadRow> = {};
  for (const key of ["company", "phone", "country", "notes"] as const) {
    const value = key === "phone" ? (normalisePhone(parsed.lead.phone) ?? null) : parsed.lead[key];
    if (value && isBlank(lead[key])) patch[key] = value;
  }
  const emptyOnly = Object.fromEntries(Object.entries(parsed.custom).filter(([k]) => isBlank(lead.customFields[k])));
  if (Object.keys(emptyOnly).length) patch.customFields = await resolveCustom(tx, lead.workspaceId, lead.customFields, emptyOnly);
  const tags = [...new Set([...lead.tags, ...form.tags])];
  if (tags.length !== lead.tags.length) patch.tags = tags;
  if (consent) patch.consent = consent;
  await updateLeadFromForm(tx.db, lead, patch);
  if (touchesPairKeys("lead", patch)) await enqueuePairRescore(app, tx.db, lead.workspaceId, "lead", [lead.id]);
}

/**
 * A public submission: rate limit (per IP and form) → form enabled → origin allowed → honeypot →
 * field and consent checks → in one transaction, add to the lead with the same email (or, when no
 * email was given, the same E.164 phone in the form's workspace) or bring a new lead in through intake (assignment rules apply), then the `form_submitted` timeline entry.
 */
export async function submitForm(app: AppContext, publicId: string, body: FormSubmissionBody, ctx: SubmissionContext): Promise<FormSubmissionResponse> {
  await consumeOrThrow(app.rateLimits.formSubmission, `${ctx.ip}:${publicId}`);
  const found = await findFormByPublicId(app.database.db, publicId);
  if (!found?.form.enabled) throw errors.notFound("Form");
  const form = found.form;
  if (!originAllowed(form, ctx)) throw new AppError("origin_not_allowed");
  const done: FormSubmissionResponse =
    form.success.mode === "redirect" && form.success.redirectUrl ? { ok: true, redirectUrl: form.success.redirectUrl } : { ok: true, message: form.success.message };

  if (text(body[HONEYPOT_FIELD]) !== "") {
    // Answer as if it worked, so the bot learns nothing; keep nothing.
    logger.warn({ formId: form.id, ip: ctx.ip }, "form submission dropped: honeypot filled");
    return done;
  }

  const definitions = await loadDefinitions(app, form.workspaceId, "lead");
  const fields = liveFields(form.fields, definitions);
  const parsed = parseSubmission(fields, form, body, definitions);
  const consent: LeadConsent | null = parsed.consented ? { givenAt: new Date().toISOString(), method: "form", text: form.consent.text, formId: form.id, ip: ctx.ip } : null;

  await withTransaction(app.database.pool, async (tx) => {
    const email = parsed.lead.email;
    // Without an email, a known phone (compared as E.164 within the workspace) finds the lead.
    const phone = email ? null : e164(parsed.lead.phone);
    let existing: LeadRow | undefined;
    if (email) {
      await lockEmail(tx.db, form.workspaceId, email);
      existing = await findLeadByEmailForUpdate(tx.db, form.workspaceId, email);
    } else if (phone) {
      await lockPhone(tx.db, form.workspaceId, phone);
      existing = await findLeadByPhoneForUpdate(tx.db, form.workspaceId, phone);
    }
    let leadId: string;
    if (existing) {
      await addToLead(app, tx, existing, form, parsed, consent);
      leadId = existing.id;
    } else {
      const customFields = await resolveCustom(tx, form.workspaceId, {}, parsed.custom);
      const [created] = await intakeLeads(
        app,
        tx.db,
        { workspaceId: form.workspaceId, actorId: null },
        [
          {
            name: parsed.lead.name || email || parsed.lead.phone || "Form submission",
            company: parsed.lead.company,
            email,
            phone: parsed.lead.phone,
            country: parsed.lead.country,
            notes: parsed.lead.notes,
            tags: form.tags,
            customFields,
            consent,
          },
        ],
        { source: "form", detail: form.name, formId: form.id },
      );
      leadId = created!.id;
    }
    await insertActivity(tx.db, {
      workspaceId: form.workspaceId,
      entityType: "lead",
      entityId: leadId,
      kind: "form_submitted",
      actorId: null,
      meta: {
        formName: form.name,
        formId: form.id,
        values: parsed.submitted,
        consent: parsed.consented,
        existingLead: Boolean(existing),
        ...(existing ? { matchedBy: email ? "email" : "phone" } : {}),
      },
    });
    await countSubmission(tx.db, form.id);
  });
  return done;
}
