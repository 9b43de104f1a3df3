import type { CustomFieldValues } from "@shared/contracts/custom-fields";
import { CreateLeadBody, EDITABLE_LEAD_STATUSES, type LeadDto, UpdateLeadBody } from "@shared/contracts/leads";
import { z } from "zod";
import { ApiError } from "@/lib/api-client";
import { type CustomFieldDef, type CustomFieldFormValues, customFieldBody, customFieldFormValues, customValuesOf, refineCustomFields } from "@/lib/custom-fields";
import { issueField } from "@/lib/form-errors";

/** What the lead form edits: text as typed; the shared contract validates the body built from it. */
export const LeadFormSchema = z.object({
  name: z.string(),
  company: z.string(),
  email: z.string(),
  phone: z.string(),
  country: z.string(),
  status: z.enum(EDITABLE_LEAD_STATUSES),
  score: z.string().refine((v) => v.trim() === "" || /^\d{1,3}$/.test(v.trim()), "Score is 0–100"),
  ownerId: z.string(),
  tags: z.string(),
  notes: z.string(),
  consentGiven: z.boolean(),
  consentText: z.string(),
  customFields: z.custom<CustomFieldFormValues>(() => true),
});
export type LeadFormValues = z.infer<typeof LeadFormSchema>;
export const LEAD_FORM_FIELDS = Object.keys(LeadFormSchema.shape) as (keyof LeadFormValues)[];

export type LeadFormMode = "create" | "edit";

/** "seo, retail ,  b2b" → ["seo", "retail", "b2b"] without duplicates. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(",").map((t) => t.trim()).filter(Boolean))];
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** API issue path ("body.tags.2", "consent.text") → the form field that shows it. */
function formFieldOf(path: string): string {
  const field = issueField(path);
  if (field.startsWith("tags")) return "tags";
  if (field.startsWith("consent")) return "consentText";
  return field;
}

/** Form values → the create body; an empty owner is left out so the assignment rules choose one. */
export function createLeadBody(v: LeadFormValues, defs: readonly CustomFieldDef[] = []): CreateLeadBody {
  return {
    ...(defs.length > 0 ? { customFields: customFieldBody(defs, v.customFields) } : {}),
    name: v.name.trim(),
    company: orNull(v.company),
    email: orNull(v.email),
    phone: orNull(v.phone),
    country: orNull(v.country.toUpperCase()),
    status: v.status,
    score: v.score.trim() === "" ? 0 : Number(v.score),
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    tags: splitTags(v.tags),
    notes: orNull(v.notes),
    source: "manual",
    consent: v.consentGiven ? { text: v.consentText.trim() } : null,
  };
}

/** Form values → the edit body (owner and status are changed in the page header, not here). */
export function updateLeadBody(v: LeadFormValues, defs: readonly CustomFieldDef[] = []): UpdateLeadBody {
  return {
    ...(defs.length > 0 ? { customFields: customFieldBody(defs, v.customFields) } : {}),
    name: v.name.trim(),
    company: orNull(v.company),
    email: orNull(v.email),
    phone: orNull(v.phone),
    country: orNull(v.country.toUpperCase()),
    score: v.score.trim() === "" ? 0 : Number(v.score),
    tags: splitTags(v.tags),
    notes: orNull(v.notes),
  };
}

/**
 * The lead form schema: the body built from the form is checked by the shared API contract
 * (`CreateLeadBody` / `UpdateLeadBody`), and custom values by the shared validator, so the
 * browser shows the API's own messages on the same fields.
 */
export function leadFormSchema(mode: LeadFormMode, defs: readonly CustomFieldDef[]) {
  return LeadFormSchema.superRefine((values, ctx) => {
    if (values.consentGiven && values.consentText.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["consentText"], message: "Record the consent text the person agreed to" });
    }
    const parsed = mode === "create" ? CreateLeadBody.safeParse(createLeadBody(values, [])) : UpdateLeadBody.safeParse(updateLeadBody(values, []));
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = formFieldOf(issue.path.join("."));
        if (seen.has(field) || (field === "score" && !/^\d{0,3}$/.test(values.score.trim()))) continue;
        seen.add(field);
        ctx.addIssue({ code: "custom", path: [field], message: issue.message });
      }
    }
    refineCustomFields(defs)(values, ctx);
  });
}

/** Form defaults for a new lead, or the values of an existing one. */
export function leadFormValues(lead: LeadDto | null, defs: readonly CustomFieldDef[] = []): LeadFormValues {
  return {
    name: lead?.name ?? "",
    company: lead?.company ?? "",
    email: lead?.email ?? "",
    phone: lead?.phone ?? "",
    country: lead?.country ?? "",
    status: lead && lead.status !== "converted" ? lead.status : "new",
    score: String(lead?.score ?? 0),
    ownerId: lead?.owner?.id ?? "",
    tags: lead?.tags.join(", ") ?? "",
    notes: lead?.notes ?? "",
    consentGiven: false,
    consentText: "",
    customFields: customFieldFormValues(defs, lead ? customValuesOf(lead) : ({} as CustomFieldValues)),
  };
}

/** Renames API issue paths (body.tags.2, body.consent.text) to form fields. */
export function toLeadFormError(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.details?.issues) return error;
  const issues = error.details.issues.map((i) => ({ ...i, path: formFieldOf(i.path) }));
  return new ApiError({ status: error.status, code: error.code, message: error.message, details: { ...error.details, issues }, requestId: error.requestId });
}
