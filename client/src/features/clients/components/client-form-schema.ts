import { CLIENT_STATUSES, type ClientDto, type CreateClientBody } from "@shared/contracts/clients";
import { CURRENCIES } from "@shared/contracts/workspace";
import { NAME_MAX } from "@shared/constants/limits";
import { z } from "zod";
import { ApiError } from "@/lib/api-client";
import type { CustomFieldValues } from "@shared/contracts/custom-fields";
import { type CustomFieldDef, type CustomFieldFormValues, customFieldBody, customFieldFormValues, customValuesOf, refineCustomFields } from "@/lib/custom-fields";
import { issueField } from "@/lib/form-errors";
import { fromMinorUnits, toMinorUnits } from "./client-badges";

const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`);

/** What the client form edits: text fields as typed, converted to the API body on submit. */
export const ClientFormSchema = z.object({
  name: z.string().trim().min(1, "Enter the client's name").max(NAME_MAX),
  status: z.enum(CLIENT_STATUSES),
  industry: optionalText(120),
  website: optionalText(300).refine((v) => v === "" || /^https?:\/\/\S+\.\S+/.test(v), "Enter a full URL, e.g. https://example.com"),
  phone: optionalText(40),
  ownerId: z.string(),
  tags: z.string().refine((v) => splitTags(v).every((t) => t.length <= 40), "Keep each tag under 40 characters"),
  notes: z.string().max(10_000),
  retainerAmount: z.string().refine((v) => v.trim() === "" || toMinorUnits(v, "USD") !== null, "Enter an amount, e.g. 1500"),
  retainerCurrency: z.enum(CURRENCIES),
  line1: optionalText(200),
  line2: optionalText(200),
  city: optionalText(120),
  region: optionalText(120),
  postalCode: optionalText(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || /^[A-Z]{2}$/.test(v), "Use a two-letter country code, e.g. GB"),
  customFields: z.custom<CustomFieldFormValues>(() => true),
});
export type ClientFormValues = z.infer<typeof ClientFormSchema>;
export const CLIENT_FORM_FIELDS = Object.keys(ClientFormSchema.shape) as (keyof ClientFormValues)[];

/** The client form schema with the workspace's custom fields checked by the shared validator. */
export function clientFormSchema(defs: readonly CustomFieldDef[]) {
  return ClientFormSchema.superRefine(refineCustomFields(defs));
}

/** "seo, retail ,  b2b" → ["seo", "retail", "b2b"] without duplicates. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(",").map((t) => t.trim()).filter(Boolean))];
}

/** Form defaults for a new client, or the values of an existing one. */
export function clientFormValues(
  client: ClientDto | null,
  defs: readonly CustomFieldDef[] = [],
  currency: ClientFormValues["retainerCurrency"] = "USD",
): ClientFormValues {
  const a = client?.address ?? {};
  return {
    name: client?.name ?? "",
    status: client?.status ?? "prospect",
    industry: client?.industry ?? "",
    website: client?.website ?? "",
    phone: client?.phone ?? "",
    ownerId: client?.owner?.id ?? "",
    tags: client?.tags.join(", ") ?? "",
    notes: client?.notes ?? "",
    retainerAmount: fromMinorUnits(client?.retainer ?? null),
    retainerCurrency: client?.retainer?.currency ?? currency,
    line1: a.line1 ?? "",
    line2: a.line2 ?? "",
    city: a.city ?? "",
    region: a.region ?? "",
    postalCode: a.postalCode ?? "",
    country: a.country ?? "",
    customFields: customFieldFormValues(defs, client ? customValuesOf(client) : {}),
  };
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());
const orUndefined = (v: string) => (v.trim() === "" ? undefined : v.trim());

/** Form values → the create/update body (empty text becomes null; custom fields only when defined). */
export function clientBody(
  v: ClientFormValues,
  defs: readonly CustomFieldDef[] = [],
): Required<Omit<CreateClientBody, "status" | "customFields">> & Pick<CreateClientBody, "status"> & { customFields?: CustomFieldValues } {
  const amountMinor = toMinorUnits(v.retainerAmount, v.retainerCurrency);
  return {
    ...(defs.length > 0 ? { customFields: customFieldBody(defs, v.customFields) } : {}),
    name: v.name.trim(),
    status: v.status,
    industry: orNull(v.industry),
    website: orNull(v.website),
    phone: orNull(v.phone),
    ownerId: v.ownerId || null,
    tags: splitTags(v.tags),
    notes: orNull(v.notes),
    retainer: amountMinor === null ? null : { amountMinor, currency: v.retainerCurrency },
    address: {
      line1: orUndefined(v.line1),
      line2: orUndefined(v.line2),
      city: orUndefined(v.city),
      region: orUndefined(v.region),
      postalCode: orUndefined(v.postalCode),
      country: orUndefined(v.country),
    },
  };
}

/** Renames API issue paths (body.address.city, body.retainer.amountMinor, body.tags.2) to form fields. */
export function toFormError(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.details?.issues) return error;
  const issues = error.details.issues.map((i) => {
    const field = issueField(i.path);
    const mapped = field.startsWith("retainer.currency")
      ? "retainerCurrency"
      : field.startsWith("retainer")
        ? "retainerAmount"
        : field.startsWith("tags")
          ? "tags"
          : field.startsWith("address.")
            ? field.slice("address.".length)
            : field;
    return { ...i, path: mapped };
  });
  return new ApiError({ status: error.status, code: error.code, message: error.message, details: { ...error.details, issues }, requestId: error.requestId });
}
