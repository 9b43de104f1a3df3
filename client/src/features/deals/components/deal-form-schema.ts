import type { CustomFieldValues } from "@shared/contracts/custom-fields";
import { type CreateDealBody, type DealDto, UpdateDealBody } from "@shared/contracts/deals";
import { CURRENCIES } from "@shared/contracts/workspace";
import { z } from "zod";
import { ApiError } from "@/lib/api-client";
import { type CustomFieldDef, type CustomFieldFormValues, customFieldBody, customFieldFormValues, customValuesOf, refineCustomFields } from "@/lib/custom-fields";
import { issueField } from "@/lib/form-errors";
import { fromMinor, toMinor } from "./deal-format";

const Party = z.object({ id: z.string(), name: z.string() }).nullable();

/** What the deal form edits (text as typed); converted to the API body on submit and checked against the shared contract. */
export const DealFormSchema = z.object({
  title: z.string().trim().min(1, "Enter the deal's title").max(200, "Use at most 200 characters"),
  client: Party,
  lead: Party,
  contactId: z.string(),
  value: z.string().refine((v) => v.trim() === "" || toMinor(v, "USD") !== null, "Enter an amount, e.g. 12000"),
  currency: z.union([z.enum(CURRENCIES), z.literal("")]),
  expectedCloseDate: z.string().refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "Use a date like 2026-12-31"),
  ownerId: z.string(),
  tags: z.string().refine((v) => splitTags(v).every((t) => t.length <= 40), "Keep each tag under 40 characters"),
  stageId: z.string(),
  customFields: z.custom<CustomFieldFormValues>(() => true),
});
export type DealFormValues = z.infer<typeof DealFormSchema>;
export const DEAL_FORM_FIELDS = Object.keys(DealFormSchema.shape) as (keyof DealFormValues)[];

/** The form schema: a client or a lead is required, custom fields checked by the shared validator. */
export function dealFormSchema(defs: readonly CustomFieldDef[]) {
  return DealFormSchema.superRefine((v, ctx) => {
    if (!v.client && !v.lead) ctx.addIssue({ code: "custom", path: ["client"], message: "Choose a client or a lead" });
    // The shared update contract checks the converted body too (value range, tags, date).
    const parsed = UpdateDealBody.safeParse(dealBody(v, []));
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const path = field === "valueMinor" ? "value" : field === "clientId" ? "client" : field === "leadId" ? "lead" : field;
      if (path !== "customFields") ctx.addIssue({ code: "custom", path: [path], message: issue.message });
    }
    refineCustomFields(defs)(v, ctx);
  });
}

/** "seo, retail ,  b2b" → ["seo", "retail", "b2b"] without duplicates. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(",").map((t) => t.trim()).filter(Boolean))];
}

/** Form defaults for a new deal, or the values of an existing one. */
export function dealFormValues(deal: DealDto | null, defs: readonly CustomFieldDef[] = []): DealFormValues {
  return {
    title: deal?.title ?? "",
    client: deal?.client ?? null,
    lead: deal?.lead ?? null,
    contactId: deal?.contact?.id ?? "",
    value: deal ? fromMinor(deal.valueMinor, deal.currency) : "",
    currency: deal?.currency ?? "",
    expectedCloseDate: deal?.expectedCloseDate ?? "",
    ownerId: deal?.owner?.id ?? "",
    tags: deal?.tags.join(", ") ?? "",
    stageId: deal?.stage.id ?? "",
    customFields: customFieldFormValues(defs, deal ? customValuesOf(deal) : {}),
  };
}

/** Form values → the update body (every field; custom fields only when defined). */
export function dealBody(v: DealFormValues, defs: readonly CustomFieldDef[]): UpdateDealBody & { customFields?: CustomFieldValues } {
  const currency = v.currency || "USD";
  return {
    ...(defs.length > 0 ? { customFields: customFieldBody(defs, v.customFields) } : {}),
    title: v.title.trim(),
    clientId: v.client?.id ?? null,
    leadId: v.lead?.id ?? null,
    contactId: v.client && v.contactId ? v.contactId : null,
    valueMinor: toMinor(v.value, currency) ?? 0,
    ...(v.currency ? { currency: v.currency } : {}),
    expectedCloseDate: v.expectedCloseDate || null,
    ownerId: v.ownerId || null,
    tags: splitTags(v.tags),
  };
}

/** Form values → the create body (defaults left to the server: currency, owner, stage). */
export function createDealBody(v: DealFormValues, defs: readonly CustomFieldDef[], pipelineId: string | undefined): CreateDealBody {
  const { ownerId, ...rest } = dealBody(v, defs);
  return { ...rest, ...(ownerId ? { ownerId } : {}), ...(pipelineId ? { pipelineId } : {}), ...(v.stageId ? { stageId: v.stageId } : {}) } as CreateDealBody;
}

/** Renames API issue paths (body.valueMinor, body.clientId, body.tags.2) to form fields. */
export function toDealFormError(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.details?.issues) return error;
  const issues = error.details.issues.map((i) => {
    const field = issueField(i.path);
    const mapped = field === "valueMinor" ? "value" : field === "clientId" ? "client" : field === "leadId" ? "lead" : field.startsWith("tags") ? "tags" : field;
    return { ...i, path: mapped };
  });
  return new ApiError({ status: error.status, code: error.code, message: error.message, details: { ...error.details, issues }, requestId: error.requestId });
}
