import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { CUSTOM_FIELD_KEY, type CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import { AppError, errors, type FieldIssue } from "../../../shared/errors";
import { decodeCursor } from "../../lib/pagination";

/**
 * A list filter on one custom field: `contains` is a jsonb containment (`@>`, answered by the GIN
 * jsonb_path_ops index) for exact and multi-select matches; `fragment` a case-insensitive substring.
 */
export interface CustomFieldFilter {
  key: string;
  kind: "contains" | "fragment";
  /** The placeholder value: the containment document as JSON, or the ILIKE pattern. */
  value: string;
}

/** A custom sort: the key, whether its values compare as numbers, and whether it is money (sorted by amount). */
export interface CustomFieldSort {
  key: string;
  numeric: boolean;
  money?: boolean;
}

/** One filter, or the message explaining why its value does not fit the field. */
function parseFilter(def: CustomFieldDefinitionDto, value: string): CustomFieldFilter | string {
  const key = def.key;
  const contains = (v: unknown): CustomFieldFilter => ({ key, kind: "contains", value: JSON.stringify({ [key]: v }) });
  switch (def.type) {
    case "text":
    case "url":
      return { key, kind: "fragment", value: `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
    case "number": {
      const n = Number(value);
      return value.trim() === "" || !Number.isFinite(n) ? "Filter a number field by a number" : contains(n);
    }
    case "checkbox":
      return value === "true" || value === "false" ? contains(value === "true") : "Filter a checkbox by true or false";
    case "select":
    case "date":
      return contains(value);
    case "multi_select":
      return contains([value]);
    case "money":
      return "Money fields cannot be filtered";
  }
}

/** Parses `cf=key:value` filters against the definitions (400 on an unknown key or a value of the wrong type). */
export function parseCustomFieldFilters(definitions: CustomFieldDefinitionDto[], raw: string[] | undefined): CustomFieldFilter[] {
  if (!raw?.length) return [];
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const issues: FieldIssue[] = [];
  const filters: CustomFieldFilter[] = [];
  raw.forEach((item, i) => {
    const at = item.indexOf(":");
    const key = item.slice(0, at);
    const def = byKey.get(key);
    const path = raw.length === 1 ? "query.cf" : `query.cf.${i}`;
    const parsed = def ? parseFilter(def, item.slice(at + 1)) : `There is no custom field "${key}"`;
    if (typeof parsed === "string") issues.push({ path, message: parsed });
    else filters.push(parsed);
  });
  if (issues.length) throw errors.validation(issues);
  return filters;
}

/** Resolves `sort=custom&sortKey=…` (400 without a defined key). */
export function parseCustomFieldSort(definitions: CustomFieldDefinitionDto[], sortKey: string | undefined): CustomFieldSort {
  const def = definitions.find((d) => d.key === sortKey);
  if (!def) throw errors.validation([{ path: "query.sortKey", message: sortKey ? `There is no custom field "${sortKey}"` : "Choose the custom field to sort by" }]);
  return { key: def.key, numeric: def.type === "number" || def.type === "money", money: def.type === "money" };
}

// Keys are validated against CUSTOM_FIELD_KEY and a definition before they reach SQL text; they are
// part of the prepared statement's shape (values stay placeholders).
function keyLiteral(key: string): SQL {
  if (!CUSTOM_FIELD_KEY.test(key)) throw new Error(`invalid custom field key ${key}`);
  return sql.raw(`'${key}'`);
}

/** The shape fragment of filters and a custom sort (the SQL text depends on nothing else). */
export function customFieldShape(filters: CustomFieldFilter[], sort: CustomFieldSort | undefined): string {
  const f = filters.map((x) => `${x.kind === "contains" ? "c" : "f"}.${x.key}`).join(",");
  return `cf[${f}]${sort ? `s[${sort.key}${sort.money ? ".m" : sort.numeric ? ".n" : ""}]` : ""}`;
}

/** Conditions of the filters, with placeholders `cf0`, `cf1`, … */
export function customFieldConditions(column: SQLWrapper, filters: CustomFieldFilter[]): SQL[] {
  return filters.map((f, i) =>
    f.kind === "contains" ? sql`${column} @> ${sql.placeholder(`cf${i}`)}::jsonb` : sql`(${column}->>${keyLiteral(f.key)}) ilike ${sql.placeholder(`cf${i}`)}`,
  );
}

/** Placeholder values of the filters. */
export function customFieldParams(filters: CustomFieldFilter[]): Record<string, string> {
  return Object.fromEntries(filters.map((f, i) => [`cf${i}`, f.value]));
}

/** The sort expression of a custom sort (numbers as numbers, money by amount, everything else as text). */
export function customSortExpr(column: SQLWrapper, sort: CustomFieldSort): SQL {
  if (sort.money) return sql`(${column}->${keyLiteral(sort.key)}->>'amountMinor')::numeric`;
  return sort.numeric ? sql`(${column}->>${keyLiteral(sort.key)})::numeric` : sql`(${column}->>${keyLiteral(sort.key)})`;
}

/**
 * Keyset condition "after this row" for ORDER BY (expr dir NULLS LAST, id dir): rows without a value
 * come after every valued row, so a null cursor value only continues among the nulls.
 */
export function customKeysetAfter(expr: SQLWrapper, id: SQLWrapper, order: "asc" | "desc", afterIsNull: boolean, numeric: boolean): SQL {
  const op = sql.raw(order === "asc" ? ">" : "<");
  const afterId = sql`${sql.placeholder("afterId")}::uuid`;
  if (afterIsNull) return sql`(${expr} is null and ${id} ${op} ${afterId})`;
  const v = numeric ? sql`${sql.placeholder("afterValue")}::numeric` : sql`${sql.placeholder("afterValue")}::text`;
  return sql`(${expr} ${op} ${v} or (${expr} = ${v} and ${id} ${op} ${afterId}) or ${expr} is null)`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a `[value | null, id]` cursor of a custom sort (a numeric sort's value must be a number). */
export function decodeCustomCursor(cursor: string, numeric: boolean): [string | null, string] {
  const [value, id] = decodeCursor(cursor, 2);
  const badValue = typeof value === "number" || (numeric && value !== null && (value.trim() === "" || !Number.isFinite(Number(value))));
  if (typeof id !== "string" || !UUID.test(id) || badValue) {
    throw new AppError("invalid_cursor", undefined, { issues: [{ path: "query.cursor", message: "Invalid cursor" }] });
  }
  return [value, id];
}
