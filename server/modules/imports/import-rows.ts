import type { z } from "zod";
import type { CustomFieldDefinitionDto, CustomFieldValues } from "../../../shared/contracts/custom-fields";
import type { ImportRowError } from "../../../shared/contracts/imports";
import { CURRENCIES } from "../../../shared/contracts/workspace";
import type { FieldIssue } from "../../../shared/errors";
import { validateCustomFieldValues } from "../../../shared/utils/custom-fields";
import type { FileRow } from "./import-file";

/** Where each target's cells are: computed once per import and shared by every row. */
export class ColumnPlan {
  /** Target → [column index, header]; the first column mapped to a target wins. */
  readonly columns = new Map<string, [number, string]>();
  readonly customKeys: string[];

  constructor(headers: string[], mapping: (string | null)[]) {
    mapping.forEach((target, i) => {
      if (target && !this.columns.has(target)) this.columns.set(target, [i, headers[i] ?? `Column ${i + 1}`]);
    });
    this.customKeys = [...this.columns.keys()].filter((t) => t.startsWith("cf."));
  }

  private static cache = new WeakMap<object, ColumnPlan>();

  /** The plan of an import row (memoised per mapping array). */
  static of(imp: { headers: string[]; mapping: (string | null)[] }): ColumnPlan {
    let plan = ColumnPlan.cache.get(imp.mapping);
    if (!plan) {
      plan = new ColumnPlan(imp.headers, imp.mapping);
      ColumnPlan.cache.set(imp.mapping, plan);
    }
    return plan;
  }
}

/** The mapped, non-empty cells of one row by target, with the header each came from. */
export class RowValues {
  constructor(
    private readonly plan: ColumnPlan,
    private readonly cells: string[],
  ) {}

  get(target: string): string | undefined {
    const at = this.plan.columns.get(target);
    if (!at) return undefined;
    const value = this.cells[at[0]]?.trim();
    return value ? value : undefined;
  }

  /** The header mapped to a target (null when no column maps to it). */
  column(target: string): string | null {
    return this.plan.columns.get(target)?.[1] ?? null;
  }

  /** Custom field cells: key → text (non-empty only). */
  customCells(): [string, string][] {
    return this.plan.customKeys.flatMap((t) => {
      const v = this.get(t);
      return v === undefined ? [] : [[t.slice(3), v] as [string, string]];
    });
  }

  error(field: string, message: string): ImportRowError {
    return { column: this.column(field), field, message };
  }
}

/** Splits a list cell ("a; b, c") into trimmed, distinct items. */
export function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return [...new Set(value.split(/[;,|]/).map((s) => s.trim()).filter(Boolean))];
}

const TRUE = new Set(["true", "yes", "y", "1", "x", "✓"]);
const FALSE = new Set(["false", "no", "n", "0"]);

/** One custom value from its CSV text, or the reason it does not fit the field's type. */
function customFromText(def: CustomFieldDefinitionDto, text: string): { value: unknown } | { problem: string } {
  switch (def.type) {
    case "number": {
      const n = Number(text.replace(/[\s,]/g, ""));
      return Number.isFinite(n) ? { value: n } : { problem: "Enter a number" };
    }
    case "checkbox": {
      const t = text.toLowerCase();
      return TRUE.has(t) ? { value: true } : FALSE.has(t) ? { value: false } : { problem: "Use yes or no" };
    }
    case "multi_select":
      return { value: splitList(text) ?? [] };
    case "money": {
      // "250000 GBP" (minor units, as the client export writes it) or "GBP 2500.00" (major units).
      const minor = /^(\d+)\s+([A-Za-z]{3})$/.exec(text);
      if (minor) return { value: { amountMinor: Number(minor[1]), currency: minor[2]!.toUpperCase() } };
      const major = /^([A-Za-z]{3})\s*(\d+(?:\.\d{1,2})?)$/.exec(text);
      if (major && (CURRENCIES as readonly string[]).includes(major[1]!.toUpperCase())) {
        return { value: { amountMinor: Math.round(Number(major[2]) * 100), currency: major[1]!.toUpperCase() } };
      }
      return { problem: 'Write money as "250000 GBP" (minor units) or "GBP 2500.00"' };
    }
    case "select": {
      // Choices match case-insensitively; the stored value is the defined spelling.
      const hit = def.options.find((o) => o.toLowerCase() === text.toLowerCase());
      return { value: hit ?? text };
    }
    default:
      return { value: text };
  }
}

/** Custom cells → values keyed by field key, plus the conversion problems. */
export function customFieldChange(values: RowValues, definitions: CustomFieldDefinitionDto[]): { change: CustomFieldValues; errors: ImportRowError[] } {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const change: CustomFieldValues = {};
  const errors: ImportRowError[] = [];
  for (const [key, text] of values.customCells()) {
    const def = byKey.get(key);
    if (!def) {
      errors.push(values.error(`cf.${key}`, "There is no custom field with this key"));
      continue;
    }
    const converted = customFromText(def, text);
    if ("problem" in converted) errors.push(values.error(`cf.${key}`, converted.problem));
    else change[key] = converted.value;
  }
  return { change, errors };
}

/** The shared custom-field rules (types, choices, required on the merged record) as row errors. */
export function customFieldIssues(values: RowValues, definitions: CustomFieldDefinitionDto[], change: CustomFieldValues, merged: CustomFieldValues): ImportRowError[] {
  return validateCustomFieldValues(definitions, change, merged).map((i: FieldIssue) => {
    const key = i.path.replace(/^body\.customFields\./, "");
    return values.error(`cf.${key}`, i.message);
  });
}

/** Zod issues of an entity body → row errors; `fieldOf` maps an issue path to the target key. */
export function zodRowErrors(values: RowValues, error: z.ZodError, fieldOf: (path: string[]) => string = (p) => p.join(".")): ImportRowError[] {
  return error.issues.map((issue) => {
    const field = fieldOf(issue.path.map(String));
    return values.error(field, issue.message);
  });
}

/** A row refused, with its original cells. */
export interface Reject {
  row: number;
  raw: string[];
  errors: ImportRowError[];
}

export function reject(row: FileRow, errors: ImportRowError[]): Reject {
  return { row: row.row, raw: row.cells, errors };
}

// Mailbox providers: an address there says nothing about the company.
const FREE_MAIL = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "yahoo.co.uk",
  "hotmail.com",
  "hotmail.co.uk",
  "outlook.com",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "mail.com",
  "yandex.com",
  "yandex.ru",
  "zoho.com",
  "fastmail.com",
]);

/** The company domain of a website ("https://www.Acme.com/about" → "acme.com"). */
export function domainOfUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const host = url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/[/:?#].*$/, "")
    .replace(/^www\./, "");
  return host.includes(".") ? host : null;
}

/** The company domain of an email address (null for mailbox providers such as gmail.com). */
export function domainOfEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const domain = email.trim().toLowerCase().split("@")[1];
  return domain?.includes(".") && !FREE_MAIL.has(domain) ? domain : null;
}

/** The SQL twin of `domainOfUrl`, so stored websites compare with the file's. */
export const SQL_URL_DOMAIN = (column: string) =>
  `nullif(regexp_replace(regexp_replace(regexp_replace(lower(trim(${column})), '^[a-z][a-z0-9+.-]*://', ''), '[/:?#].*$', ''), '^www\\.', ''), '')`;

/** Adds a scheme to a bare website ("acme.com" → "https://acme.com"). */
export function withScheme(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
}
