import { z } from "zod";
import { EMAIL_MAX, NAME_MAX, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, PASSWORD_MAX, PASSWORD_MIN } from "../constants/limits";
import { CUSTOM_FIELD_KEY, customFieldFilterParam } from "./custom-fields";

/** A UUID path parameter. */
export const IdParams = z.strictObject({ id: z.uuid().describe("Record id (UUIDv7)") }).meta({ id: "IdParams" });
export type IdParams = z.infer<typeof IdParams>;

/** The shared money rule's message for a value below zero (API and forms say the same). */
export const MONEY_NEGATIVE_MESSAGE = "The value can't be negative";

/** A money amount in minor units (e.g. cents): whole, not negative, at most 1,000,000,000.00. */
export const moneyMinorField = z
  .number()
  .int("Use whole minor units")
  .min(0, MONEY_NEGATIVE_MESSAGE)
  .max(1_000_000_000_00, "Use at most 1,000,000,000")
  .describe("Amount in minor units, e.g. cents");

/** Cursor + limit query fields every list accepts. */
export const pageQueryFields = {
  cursor: z.string().max(512).optional().describe("Opaque cursor from the previous page's meta.nextCursor"),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_LIMIT_MAX)
    .default(PAGE_LIMIT_DEFAULT)
    .describe(`Page size, 1–${PAGE_LIMIT_MAX}`),
};

export const sortOrder = z.enum(["asc", "desc"]).describe("Sort direction");

/** A tag on a record, a tag filter, a tag a bulk action adds or removes. */
export const tagField = z.string().trim().min(1).max(40);

/** The custom field a `sort=custom` list orders by. */
export const customSortKeyParam = z.string().regex(CUSTOM_FIELD_KEY, "Use a custom field key").optional().describe("Custom field key to sort by (with sort=custom)");

/**
 * The fields every record list's query ends with, after its own filters: the custom-field filter
 * (`cf=key:value`), the sort (one of the list's sorts; `custom` orders by the field named in
 * `sortKey`), the direction, and the page (`cursor`, `limit`).
 */
export function listQueryFields<const S extends readonly [string, ...string[]]>(sorts: S, defaults: { sort: S[number]; order: "asc" | "desc" }) {
  return {
    cf: customFieldFilterParam,
    sort: z.enum(sorts).default(defaults.sort as z.output<z.ZodEnum<{ [K in S[number]]: K }>>),
    sortKey: customSortKeyParam,
    order: sortOrder.default(defaults.order),
    ...pageQueryFields,
  };
}

/** The actions record types share on their bulk endpoint (each body lists the ones it offers). */
export const bulkAction = {
  assignOwner: z.strictObject({ type: z.literal("assign_owner"), ownerId: z.uuid().nullable() }),
  addTag: z.strictObject({ type: z.literal("add_tag"), tag: tagField }),
  removeTag: z.strictObject({ type: z.literal("remove_tag"), tag: tagField }),
  delete: z.strictObject({ type: z.literal("delete") }),
  /** "set_status" to one of the record type's statuses. */
  setStatus: <const S extends readonly [string, ...string[]]>(statuses: S) => z.strictObject({ type: z.literal("set_status"), status: z.enum(statuses) }),
};

/** The bulk actions of records with an owner, tags and a status, in the order the API lists them. */
export function ownedRecordBulkActions<A extends z.core.$ZodTypeDiscriminable>(setStatus: A) {
  return [bulkAction.assignOwner, bulkAction.addTag, bulkAction.removeTag, setStatus, bulkAction.delete] as const;
}

/** A bulk endpoint's body: up to 200 record ids and one action, told apart by `type`. */
export function bulkBody<const A extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(id: string, actions: A) {
  return z
    .strictObject({
      ids: z.array(z.uuid()).min(1).max(200),
      action: z.discriminatedUnion("type", actions),
    })
    .meta({ id });
}

/** List response metadata. */
export const PageMeta = z
  .object({
    nextCursor: z.string().nullable().describe("Cursor for the next page, null on the last page"),
  })
  .meta({ id: "PageMeta" });

/** Wraps an item schema as `{ data: T[], meta: { nextCursor } }`. */
export function paginated<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: z.array(item), meta: PageMeta }).meta({ id });
}

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX)
  .pipe(z.email({ message: "Enter a valid email address" }))
  .describe("Email address");

export const nameField = z.string().trim().min(1, "Enter a name").max(NAME_MAX).describe("Display name");

/** Length-only password rule; the common-password check runs on the server. */
export const passwordField = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .describe(`Password, ${PASSWORD_MIN}–${PASSWORD_MAX} characters`);

export const OkResponse = z.object({ ok: z.literal(true) }).meta({ id: "OkResponse" });

/** Error envelope schema, for documentation. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe("Stable snake_case error code"),
      message: z.string().describe("Human-readable message"),
      details: z
        .object({
          issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
        })
        .catchall(z.unknown())
        .optional(),
      requestId: z.string().optional().describe("Correlates with server logs"),
    }),
  })
  .meta({ id: "ErrorResponse" });
