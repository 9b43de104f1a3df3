import { z } from "zod";
import { NAME_MAX } from "../constants/limits";
import { pageQueryFields, paginated, tagField } from "./common";

/** Lead fields a form can ask for (custom fields as `cf.<key>`). */
export const FORM_LEAD_FIELDS = ["name", "company", "email", "phone", "country", "notes"] as const;
export type FormLeadField = (typeof FORM_LEAD_FIELDS)[number];

/** How a field renders. Lead fields have a fixed type; text-like fields may be a textarea. */
export const FORM_FIELD_TYPES = ["text", "email", "tel", "textarea", "select", "number", "date", "url"] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Custom field types a form can carry, and how each renders. */
export const FORM_CUSTOM_FIELD_TYPES = { text: "text", url: "url", number: "number", date: "date", select: "select" } as const;

/** The hidden field bots fill in and people never see. */
export const HONEYPOT_FIELD = "website_url";

export const FORM_FIELD_KEY = /^(name|company|email|phone|country|notes|cf\.[a-z][a-z0-9_]{0,39})$/;

/** Labels of the lead fields (builder palette and defaults). */
export const FORM_LEAD_FIELD_LABELS: Record<FormLeadField, string> = {
  name: "Name",
  company: "Company",
  email: "Email",
  phone: "Phone",
  country: "Country (two-letter code)",
  notes: "Message",
};

export const FormField = z
  .object({
    key: z.string().describe("A lead field (name, company, email, phone, country, notes) or cf.<custom field key>"),
    label: z.string(),
    required: z.boolean(),
    placeholder: z.string().nullable(),
    type: z.enum(FORM_FIELD_TYPES),
    options: z.array(z.string()).describe("Choices of a select (from the custom field)"),
  })
  .meta({ id: "FormField" });
export type FormField = z.infer<typeof FormField>;

export const FormFieldInput = z
  .strictObject({
    key: z.string().regex(FORM_FIELD_KEY, "Use a lead field or cf.<custom field key>"),
    label: z.string().trim().min(1, "Enter a label").max(120),
    required: z.boolean().default(false),
    placeholder: z.string().trim().max(120).nullable().optional(),
    type: z.enum(FORM_FIELD_TYPES).optional().describe("Only `textarea` is honoured (for text fields); other types follow the field"),
  })
  .meta({ id: "FormFieldInput" });
export type FormFieldInput = z.input<typeof FormFieldInput>;

export const FormConsentSettings = z
  .strictObject({
    required: z.boolean().describe("The person must tick the consent checkbox"),
    text: z.string().trim().max(2000).describe("The consent text shown beside the checkbox (empty = no checkbox)"),
  })
  .refine((c) => !c.required || c.text.length > 0, { path: ["text"], message: "Write the consent text people agree to" })
  .meta({ id: "FormConsentSettings" });
export type FormConsentSettings = z.infer<typeof FormConsentSettings>;

/** https anywhere, plain http only on localhost (development). */
export function isAllowedRedirectUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === "https:") return url.hostname.length > 0;
    return url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1");
  } catch {
    return false;
  }
}

/** A normalised origin (scheme://host[:port], lower-case, no path), or null when the value is not one. */
export function normaliseOrigin(value: string): string | null {
  const trimmed = value.trim().replace(/\/$/, "");
  try {
    const url = new URL(trimmed);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.origin.toLowerCase() !== trimmed.toLowerCase()) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export const FormSuccess = z
  .strictObject({
    mode: z.enum(["message", "redirect"]).describe("Show a thank-you message or send the person to a page"),
    message: z.string().trim().max(1000).describe("The thank-you message"),
    redirectUrl: z.string().trim().max(2000).nullable().describe("https URL (http only for localhost)"),
  })
  .superRefine((s, ctx) => {
    if (s.mode === "message" && !s.message) ctx.addIssue({ code: "custom", path: ["message"], message: "Write a thank-you message" });
    if (s.mode === "redirect" && !(s.redirectUrl && isAllowedRedirectUrl(s.redirectUrl))) {
      ctx.addIssue({ code: "custom", path: ["redirectUrl"], message: "Use an https:// address (http:// only for localhost)" });
    }
  })
  .meta({ id: "FormSuccess" });
export type FormSuccess = z.infer<typeof FormSuccess>;

const originField = z
  .string()
  .max(300)
  .transform((v, ctx) => {
    const origin = normaliseOrigin(v);
    if (!origin) {
      ctx.addIssue({ code: "custom", message: "Use an origin like https://client-site.example (scheme and host, no path)" });
      return z.NEVER;
    }
    return origin;
  });

const formFields = {
  name: z.string().trim().min(1, "Name the form").max(NAME_MAX),
  fields: z.array(FormFieldInput).min(1, "Add at least one field").max(30),
  consent: FormConsentSettings,
  success: FormSuccess,
  allowedOrigins: z.array(originField).max(20).describe("Sites allowed to embed the form and post to it"),
  tags: z.array(tagField).max(10).describe("Tags added to every lead from this form"),
  enabled: z.boolean(),
};

export const CreateLeadFormBody = z
  .strictObject({
    ...formFields,
    consent: formFields.consent.default({ required: false, text: "" }),
    success: formFields.success.default({ mode: "message", message: "Thank you! We'll be in touch soon.", redirectUrl: null }),
    allowedOrigins: formFields.allowedOrigins.default([]),
    tags: formFields.tags.default([]),
    enabled: formFields.enabled.default(true),
  })
  .meta({ id: "CreateLeadFormBody" });
export type CreateLeadFormBody = z.infer<typeof CreateLeadFormBody>;

export const UpdateLeadFormBody = z.strictObject(formFields).partial().meta({ id: "UpdateLeadFormBody" });
export type UpdateLeadFormBody = z.infer<typeof UpdateLeadFormBody>;

export const FORM_SORTS = ["createdAt", "name", "submissions"] as const;

export const ListLeadFormsQuery = z
  .strictObject({
    q: z.string().trim().max(120).optional().describe("Search by name"),
    status: z.enum(["live", "off"]).optional().describe("live: accepting submissions; off: switched off"),
    sort: z.enum(FORM_SORTS).default("createdAt").describe("createdAt: newest first; name: A–Z; submissions: most first"),
    ...pageQueryFields,
  })
  .meta({ id: "ListLeadFormsQuery" });
export type ListLeadFormsQuery = z.infer<typeof ListLeadFormsQuery>;

export const LeadFormDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    publicId: z.string().describe("The unguessable id in the hosted URL"),
    fields: z.array(FormField),
    consent: FormConsentSettings,
    success: FormSuccess,
    allowedOrigins: z.array(z.string()),
    tags: z.array(z.string()),
    enabled: z.boolean(),
    submissionCount: z.number().int(),
    lastSubmittedAt: z.iso.datetime().nullable(),
    hostedUrl: z.string().describe("The hosted page"),
    embed: z.object({
      iframe: z.string().describe("HTML snippet embedding the hosted page"),
      script: z.string().describe("HTML snippet rendering the form in the page (posts cross-origin; the site must be an allowed origin)"),
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "LeadFormDto" });
export type LeadFormDto = z.infer<typeof LeadFormDto>;

export const LeadFormListResponse = paginated(LeadFormDto, "LeadFormListResponse");
export type LeadFormListResponse = z.infer<typeof LeadFormListResponse>;
export const LeadFormResponse = z.object({ data: LeadFormDto }).meta({ id: "LeadFormResponse" });

/* Public API */

export const PublicFormParams = z.strictObject({ publicId: z.string().regex(/^[A-Za-z0-9_-]{16}$/, "Not a form id") }).meta({ id: "PublicFormParams" });

export const PublicFormDto = z
  .object({
    publicId: z.string(),
    name: z.string(),
    fields: z.array(FormField),
    consent: z.object({ required: z.boolean(), text: z.string() }),
    honeypotField: z.string().describe("Name of the hidden field people leave empty"),
    workspace: z.object({ name: z.string(), brandColor: z.string() }),
  })
  .meta({ id: "PublicFormDto" });
export type PublicFormDto = z.infer<typeof PublicFormDto>;
export const PublicFormResponse = z.object({ data: PublicFormDto }).meta({ id: "PublicFormResponse" });

/** A submission: field keys (`email`, `cf.budget`) to values, `consent`, and the honeypot. JSON or urlencoded. */
export const FormSubmissionBody = z
  .record(z.string().max(60), z.union([z.string().max(10_000), z.boolean(), z.number(), z.array(z.string().max(1000)).max(50), z.null()]))
  .refine((r) => Object.keys(r).length <= 60, "Too many fields")
  .meta({ id: "FormSubmissionBody" });
export type FormSubmissionBody = z.infer<typeof FormSubmissionBody>;

export const FormSubmissionResponse = z
  .object({
    ok: z.literal(true),
    message: z.string().optional().describe("The thank-you message (message mode)"),
    redirectUrl: z.string().optional().describe("Where to send the person (redirect mode)"),
  })
  .meta({ id: "FormSubmissionResponse" });
export type FormSubmissionResponse = z.infer<typeof FormSubmissionResponse>;

/** True for the values a consent checkbox sends when ticked (JSON true, or "on"/"true"/"1"/"yes" from an HTML form). */
export function isTicked(value: unknown): boolean {
  return value === true || (typeof value === "string" && ["on", "true", "1", "yes"].includes(value.toLowerCase()));
}
