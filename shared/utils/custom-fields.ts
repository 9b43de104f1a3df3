import type { FieldIssue } from "../errors";
import type { CustomFieldDefinitionDto, CustomFieldValues } from "../contracts/custom-fields";
import { CURRENCIES } from "../contracts/workspace";

type Definition = Pick<CustomFieldDefinitionDto, "key" | "label" | "type" | "options" | "required">;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day as YYYY-MM-DD (Date.parse alone takes "2026-02-30" and rolls it into March). */
function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function checkValue(def: Definition, value: unknown): string | null {
  switch (def.type) {
    case "text":
      return typeof value === "string" && value.length <= 2000 ? null : "Enter text (up to 2,000 characters)";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "Enter a number";
    case "money": {
      const m = value as { amountMinor?: unknown; currency?: unknown } | null;
      return m && Number.isInteger(m.amountMinor) && (m.amountMinor as number) >= 0 && (CURRENCIES as readonly unknown[]).includes(m.currency)
        ? null
        : "Enter an amount and a currency";
    }
    case "date":
      return typeof value === "string" && isCalendarDate(value) ? null : "Enter a date (YYYY-MM-DD)";
    case "select":
      return typeof value === "string" && def.options.includes(value) ? null : "Choose one of the options";
    case "multi_select":
      return Array.isArray(value) && value.every((v) => typeof v === "string" && def.options.includes(v)) ? null : "Choose from the options";
    case "checkbox":
      return typeof value === "boolean" ? null : "Tick or untick";
    case "url":
      return typeof value === "string" && /^https?:\/\/\S+$/.test(value) && value.length <= 500 ? null : "Enter a full URL, e.g. https://example.com";
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/**
 * Validates custom values against the workspace's definitions: the same rules run in the API and in
 * the browser forms. `merged` is the record's values after the change (required fields are checked on
 * it); unknown keys are rejected. Issues use paths like `body.customFields.budget`.
 */
export function validateCustomFieldValues(definitions: Definition[], change: CustomFieldValues, merged: CustomFieldValues = change): FieldIssue[] {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(change)) {
    const def = byKey.get(key);
    if (!def) {
      issues.push({ path: `body.customFields.${key}`, message: "There is no custom field with this key", code: "unknown_field" });
      continue;
    }
    if (isEmpty(value)) continue;
    const problem = checkValue(def, value);
    if (problem) issues.push({ path: `body.customFields.${key}`, message: problem, code: "invalid_value" });
  }
  for (const def of definitions) {
    // Own keys only: a field keyed "constructor" must not see Object.prototype's.
    if (def.required && isEmpty(Object.hasOwn(merged, def.key) ? merged[def.key] : undefined)) {
      issues.push({ path: `body.customFields.${def.key}`, message: `${def.label} is required`, code: "required" });
    }
  }
  return issues;
}

/** Drops empty values so stored JSON only holds set fields. */
export function compactCustomFieldValues(values: CustomFieldValues): CustomFieldValues {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !isEmpty(v)));
}

// Letters NFKD does not decompose into Latin, and Cyrillic/Greek, spelled in Latin so their labels
// still give readable keys ("Бюджет" → "byudzhet"). Scripts without a spelling here (e.g. CJK) fall
// back to a numbered key.
const TRANSLITERATION: Record<string, string> = {
  ß: "ss", æ: "ae", ø: "o", œ: "oe", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i",
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", і: "i", ї: "yi", є: "ye", ґ: "g",
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n",
  ξ: "x", ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
};

/**
 * A label-derived key: "Budget (USD)" → "budget_usd", "Бюджет" → "byudzhet". A label with nothing
 * to spell in Latin letters or digits ("予算", "!!!") gets `field_<n>`, the first number not in
 * `takenKeys` (the record type's existing keys), so a second such field does not collide.
 */
export function customFieldKeyFromLabel(label: string, takenKeys: Iterable<string> = []): string {
  // Decompose first and drop the combining marks, so "Café" gives "cafe" rather than "cafe_".
  const key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, (c) => TRANSLITERATION[c] ?? c)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  if (key) return /^[a-z]/.test(key) ? key : `f_${key}`.slice(0, 40);
  const taken = new Set(takenKeys);
  let n = 1;
  while (taken.has(`field_${n}`)) n++;
  return `field_${n}`;
}
