import type { CustomFieldDefinitionDto, CustomFieldEntity, CustomFieldValues } from "@shared/contracts/custom-fields";
import { validateCustomFieldValues } from "@shared/utils/custom-fields";
import { type ComponentType, createContext, useContext } from "react";
import type { z } from "zod";

export type CustomFieldDef = CustomFieldDefinitionDto;

/** What a form holds per field type while the user edits (converted to API values on submit). */
export type CustomFieldFormValue = string | boolean | string[] | { amount: string; currency: string };
export type CustomFieldFormValues = Record<string, CustomFieldFormValue>;

/** A record body that may carry a custom-field patch (null clears a value). */
export type WithCustomFields<T> = T & { customFields?: CustomFieldValues };

/** The custom values a DTO carries (empty when the server sends none). */
export function customValuesOf(record: object): CustomFieldValues {
  const values = (record as { customFields?: unknown }).customFields;
  return values && typeof values === "object" ? (values as CustomFieldValues) : {};
}

function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** One stored value → what its control edits. */
export function toFormValue(def: CustomFieldDef, value: unknown, defaultCurrency = "USD"): CustomFieldFormValue {
  switch (def.type) {
    case "checkbox":
      return value === true;
    case "multi_select":
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
    case "money": {
      const m = value as { amountMinor?: number; currency?: string } | null | undefined;
      if (!m || typeof m.amountMinor !== "number" || typeof m.currency !== "string") return { amount: "", currency: defaultCurrency };
      return { amount: String(m.amountMinor / 10 ** minorDigits(m.currency)), currency: m.currency };
    }
    case "number":
      return typeof value === "number" ? String(value) : "";
    default:
      return typeof value === "string" ? value : "";
  }
}

/** A record's values as form defaults, one entry per definition. */
export function customFieldFormValues(defs: readonly CustomFieldDef[], values: CustomFieldValues): CustomFieldFormValues {
  return Object.fromEntries(defs.map((d) => [d.key, toFormValue(d, values[d.key])]));
}

/** What a control holds → the API value (null when empty; invalid text stays as typed so the validator names it). */
export function toApiValue(def: CustomFieldDef, v: CustomFieldFormValue | undefined): unknown {
  if (v === undefined) return null;
  switch (def.type) {
    case "checkbox":
      return v === true;
    case "multi_select":
      return Array.isArray(v) && v.length > 0 ? v : null;
    case "money": {
      const m = v as { amount: string; currency: string };
      if (!m || m.amount.trim() === "") return null;
      const n = Number(m.amount.replace(/[,\s]/g, ""));
      return { amountMinor: Number.isFinite(n) ? Math.round(n * 10 ** minorDigits(m.currency)) : Number.NaN, currency: m.currency };
    }
    case "number": {
      const s = String(v).trim();
      return s === "" ? null : Number(s);
    }
    default: {
      const s = String(v).trim();
      return s === "" ? null : s;
    }
  }
}

/** Form values → the `customFields` patch: every defined key, null when empty. */
export function customFieldBody(defs: readonly CustomFieldDef[], values: CustomFieldFormValues | undefined): CustomFieldValues {
  return Object.fromEntries(defs.map((d) => [d.key, toApiValue(d, values?.[d.key])]));
}

/** The form field names (for applyFieldErrors) of each custom field. */
export function customFieldPaths(defs: readonly CustomFieldDef[]): `customFields.${string}`[] {
  return defs.map((d) => `customFields.${d.key}` as const);
}

/** Adds the shared validator to a form schema: the browser shows the same messages as the API. */
export function refineCustomFields(defs: readonly CustomFieldDef[]) {
  return (values: { customFields?: CustomFieldFormValues }, ctx: z.RefinementCtx) => {
    const issues = validateCustomFieldValues([...defs], customFieldBody(defs, values.customFields));
    for (const issue of issues) {
      ctx.addIssue({ code: "custom", message: issue.message, path: ["customFields", issue.path.replace(/^body\.customFields\./, "")] });
    }
  };
}

/** A value as shown in a table cell. */
export function formatCustomFieldValue(def: CustomFieldDef, value: unknown): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  switch (def.type) {
    case "checkbox":
      return value === true ? "Yes" : "No";
    case "multi_select":
      return Array.isArray(value) ? value.join(", ") : "—";
    case "money": {
      const m = value as { amountMinor: number; currency: string };
      try {
        return new Intl.NumberFormat(undefined, { style: "currency", currency: m.currency }).format(m.amountMinor / 10 ** minorDigits(m.currency));
      } catch {
        return `${m.amountMinor} ${m.currency}`;
      }
    }
    case "number":
      return typeof value === "number" ? value.toLocaleString() : String(value);
    default:
      return String(value);
  }
}

/** What a page injects so record forms (clients, contacts) can show custom fields without importing that feature. */
export interface CustomFieldsSlot {
  definitions: CustomFieldDef[];
  Inputs: ComponentType<{ definitions: CustomFieldDef[] }>;
}

export const CustomFieldsSlotContext = createContext<Partial<Record<CustomFieldEntity, CustomFieldsSlot>>>({});

const EMPTY: CustomFieldDef[] = [];

/** The custom fields (definitions + input component) a page provided for this record type. */
export function useCustomFieldsSlot(entity: CustomFieldEntity): CustomFieldsSlot & { definitions: CustomFieldDef[] } {
  const slot = useContext(CustomFieldsSlotContext)[entity];
  return slot ?? { definitions: EMPTY, Inputs: NoInputs };
}

function NoInputs() {
  return null;
}
