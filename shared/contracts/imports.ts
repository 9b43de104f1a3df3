import { z } from "zod";
import type { Role } from "../constants/roles";
import { pageQueryFields, paginated } from "./common";

/** Record types a CSV can be imported into. */
export const IMPORT_ENTITIES = ["client", "contact", "lead"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/**
 * uploaded → (checking: the dry run's job validates every row → dry_run: checked, nothing written)
 * → queued → running → completed | failed; cancelled from any state before completion. Changing
 * the mapping (or starting) while checking drops the check.
 */
export const IMPORT_STATUSES = ["uploaded", "checking", "dry_run", "queued", "running", "completed", "failed", "cancelled"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What happens to a row that matches an existing record. */
export const DUPLICATE_STRATEGIES = ["skip", "update", "create"] as const;
export type DuplicateStrategy = (typeof DUPLICATE_STRATEGIES)[number];

/** How an existing record is recognised: email, E.164 phone, company domain (website or email), name. */
export const IMPORT_MATCH_KEYS = ["email", "phone", "domain", "name"] as const;
export type ImportMatchKey = (typeof IMPORT_MATCH_KEYS)[number];

/**
 * Record types a user may import: clients and contacts need clients.write, leads leads.write (plus
 * imports.run, checked by the routes). Sales agents import leads only, and own what they import.
 */
export function importableEntities(user: { role: Role; permissions: Iterable<string> }): ImportEntity[] {
  const held = new Set(user.permissions);
  if (!held.has("imports.run")) return [];
  return IMPORT_ENTITIES.filter((e) => {
    if (user.role === "sales_agent" && e !== "lead") return false;
    return held.has(e === "lead" ? "leads.write" : "clients.write");
  });
}

/** Match keys each record type supports. */
export const MATCH_KEYS_BY_ENTITY: Record<ImportEntity, readonly ImportMatchKey[]> = {
  client: ["domain", "name"],
  contact: ["email", "phone"],
  lead: ["email", "phone", "domain"],
};

/** Match keys used until the user picks (company domain is opt-in for leads: colleagues share it). */
export const DEFAULT_MATCH_KEYS: Record<ImportEntity, readonly ImportMatchKey[]> = {
  client: ["domain", "name"],
  contact: ["email", "phone"],
  lead: ["email", "phone"],
};

/** A column target: a built-in field key, or `cf.<key>` for a custom field. */
export interface ImportField {
  key: string;
  label: string;
  /** Header spellings that suggest this field (compared lower-case, letters and digits only). */
  aliases: readonly string[];
  required?: boolean;
  hint?: string;
}

/** Built-in fields of each record type a column can be mapped to. */
export const IMPORT_FIELDS: Record<ImportEntity, readonly ImportField[]> = {
  client: [
    { key: "name", label: "Name", aliases: ["client", "clientname", "company", "companyname", "account", "organisation", "organization"], required: true },
    { key: "status", label: "Status", aliases: ["stage"], hint: "prospect, active, paused or churned" },
    { key: "industry", label: "Industry", aliases: ["sector", "vertical"] },
    { key: "website", label: "Website", aliases: ["url", "domain", "web", "site", "homepage"] },
    { key: "phone", label: "Phone", aliases: ["telephone", "tel", "phonenumber", "mobile"] },
    { key: "address.line1", label: "Address line 1", aliases: ["address", "street", "addressline1", "address1"] },
    { key: "address.line2", label: "Address line 2", aliases: ["addressline2", "address2"] },
    { key: "address.city", label: "City", aliases: ["town", "city"] },
    { key: "address.region", label: "Region", aliases: ["state", "county", "province", "region"] },
    { key: "address.postalCode", label: "Postal code", aliases: ["postcode", "zip", "zipcode", "postalcode"] },
    { key: "address.country", label: "Country", aliases: ["country", "countrycode"], hint: "Two-letter code, e.g. GB" },
    { key: "tags", label: "Tags", aliases: ["tag", "labels"], hint: "Separated by ; or ," },
    { key: "notes", label: "Notes", aliases: ["note", "comments", "description"] },
    { key: "ownerEmail", label: "Owner (email)", aliases: ["owner", "owneremail", "accountowner", "manager"] },
  ],
  contact: [
    { key: "client", label: "Client (name or id)", aliases: ["client", "clientname", "company", "companyname", "account", "organisation", "organization", "clientid"], required: true },
    { key: "firstName", label: "First name", aliases: ["firstname", "first", "givenname", "forename"], required: true },
    { key: "lastName", label: "Last name", aliases: ["lastname", "last", "surname", "familyname"] },
    { key: "fullName", label: "Full name (split into first and last)", aliases: ["name", "fullname", "contactname", "contact"] },
    { key: "email", label: "Email", aliases: ["email", "emailaddress", "mail", "e-mail"] },
    { key: "phone", label: "Phone", aliases: ["telephone", "tel", "phonenumber", "mobile"] },
    { key: "title", label: "Job title", aliases: ["jobtitle", "position", "role"] },
  ],
  lead: [
    { key: "name", label: "Name", aliases: ["fullname", "leadname", "contactname", "contact"], required: true },
    { key: "company", label: "Company", aliases: ["companyname", "organisation", "organization", "account", "business"] },
    { key: "email", label: "Email", aliases: ["emailaddress", "mail", "e-mail"] },
    { key: "phone", label: "Phone", aliases: ["telephone", "tel", "phonenumber", "mobile"] },
    { key: "country", label: "Country", aliases: ["countrycode"], hint: "Two-letter code, e.g. GB" },
    { key: "status", label: "Status", aliases: ["stage", "leadstatus"], hint: "new, contacted, qualified or unqualified" },
    { key: "score", label: "Score", aliases: ["leadscore", "rating"] },
    { key: "tags", label: "Tags", aliases: ["tag", "labels"], hint: "Separated by ; or ," },
    { key: "notes", label: "Notes", aliases: ["note", "comments", "description"] },
    { key: "ownerEmail", label: "Owner (email)", aliases: ["owner", "owneremail", "assignedto", "salesrep"] },
  ],
};

/** Upload limits. */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;
export const IMPORT_MAX_COLUMNS = 200;
/** Rejected rows (with their errors) a dry run keeps; every rejected row is counted. */
export const IMPORT_DRY_RUN_SAMPLE = 50;

/** One problem with one row: the CSV column (when it maps to one), the field and the message. */
export const ImportRowError = z
  .object({
    column: z.string().nullable().describe("Header of the column at fault, null when no column maps to the field"),
    field: z.string().describe("Target field, e.g. email or cf.budget"),
    message: z.string(),
  })
  .meta({ id: "ImportRowError" });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportRejectedRow = z
  .object({ row: z.number().int().describe("Data row number (1 = the row after the header)"), errors: z.array(ImportRowError) })
  .meta({ id: "ImportRejectedRow" });
export type ImportRejectedRow = z.infer<typeof ImportRejectedRow>;

export const ImportErrorCount = z
  .object({
    column: z.string().nullable().describe("Header of the column at fault, null when no column maps to the field"),
    field: z.string(),
    rows: z.number().int().describe("Rows with at least one error on this field"),
  })
  .meta({ id: "ImportErrorCount" });
export type ImportErrorCount = z.infer<typeof ImportErrorCount>;

export const ImportDryRun = z
  .object({
    total: z.number().int().describe("Rows checked so far (all of them once finishedAt is set)"),
    valid: z.number().int(),
    rejected: z.number().int().describe("Every rejected row, not only the ones listed"),
    wouldCreate: z.number().int(),
    wouldUpdate: z.number().int(),
    wouldSkip: z.number().int(),
    rejectedRows: z.array(ImportRejectedRow).describe(`The first ${IMPORT_DRY_RUN_SAMPLE} rejected rows`),
    errorCounts: z.array(ImportErrorCount).describe("Rejected rows per field, most frequent first (every rejected row counted)"),
    ranAt: z.iso.datetime().describe("When this check was asked for"),
    finishedAt: z.iso.datetime().nullable().describe("Null while the check's job is still running (status checking)"),
  })
  .meta({ id: "ImportDryRun" });
export type ImportDryRun = z.infer<typeof ImportDryRun>;

export const ImportTarget = z
  .object({
    key: z.string(),
    label: z.string(),
    required: z.boolean(),
    custom: z.boolean().describe("A custom field of the workspace"),
    hint: z.string().nullable(),
  })
  .meta({ id: "ImportTarget" });
export type ImportTarget = z.infer<typeof ImportTarget>;

export const ImportDto = z
  .object({
    id: z.uuid(),
    entityType: z.enum(IMPORT_ENTITIES),
    fileName: z.string(),
    fileSize: z.number().int().describe("Bytes"),
    status: z.enum(IMPORT_STATUSES),
    headers: z.array(z.string()),
    mapping: z.array(z.string().nullable()).describe("Target per column (same order as headers); null = don't import"),
    duplicateStrategy: z.enum(DUPLICATE_STRATEGIES),
    matchOn: z.array(z.enum(IMPORT_MATCH_KEYS)),
    counts: z.object({
      total: z.number().int(),
      processed: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      rejected: z.number().int(),
    }),
    dryRun: ImportDryRun.nullable(),
    error: z.string().nullable(),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    abilities: z.object({ configure: z.boolean(), start: z.boolean(), cancel: z.boolean(), downloadRejects: z.boolean() }),
  })
  .meta({ id: "ImportDto" });
export type ImportDto = z.infer<typeof ImportDto>;

export const ImportResponse = z.object({ data: ImportDto }).meta({ id: "ImportResponse" });
export type ImportResponse = z.infer<typeof ImportResponse>;

export const UploadImportBody = z
  .object({
    entityType: z.enum(IMPORT_ENTITIES).describe("Form field: what the rows are"),
    file: z.string().describe("Form field: the CSV file (UTF-8, header row first; comma, semicolon or tab separated)").meta({ format: "binary" }),
  })
  .meta({ id: "UploadImportBody" });

export const UploadImportResponse = z
  .object({
    data: ImportDto,
    sample: z.array(z.array(z.string())).describe("The first rows of the file"),
    suggestedMapping: z.array(z.string().nullable()).describe("Suggested target per column, from the header names"),
    targets: z.array(ImportTarget).describe("Every field a column can be mapped to, custom fields included"),
  })
  .meta({ id: "UploadImportResponse" });
export type UploadImportResponse = z.infer<typeof UploadImportResponse>;

export const ImportTargetsQuery = z.strictObject({ entityType: z.enum(IMPORT_ENTITIES) }).meta({ id: "ImportTargetsQuery" });
export const ImportTargetsResponse = z.object({ data: z.array(ImportTarget) }).meta({ id: "ImportTargetsResponse" });
export type ImportTargetsResponse = z.infer<typeof ImportTargetsResponse>;

export const ConfigureImportBody = z
  .strictObject({
    mapping: z.array(z.string().max(60).nullable()).max(IMPORT_MAX_COLUMNS).describe("Target per column; null = don't import"),
    duplicateStrategy: z.enum(DUPLICATE_STRATEGIES),
    matchOn: z.array(z.enum(IMPORT_MATCH_KEYS)).max(IMPORT_MATCH_KEYS.length).describe("Keys that recognise an existing record"),
  })
  .partial()
  .meta({ id: "ConfigureImportBody" });
export type ConfigureImportBody = z.infer<typeof ConfigureImportBody>;

export const ListImportsQuery = z
  .strictObject({
    entityType: z.enum(IMPORT_ENTITIES).optional(),
    status: z.enum(IMPORT_STATUSES).optional(),
    ...pageQueryFields,
  })
  .meta({ id: "ListImportsQuery" });
export type ListImportsQuery = z.infer<typeof ListImportsQuery>;

export const ImportListResponse = paginated(ImportDto, "ImportListResponse");
export type ImportListResponse = z.infer<typeof ImportListResponse>;

/** Lower-case letters and digits only: how headers and aliases are compared. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * Suggests a target per header: a built-in field by key, label or alias, else a custom field by key
 * or label; each target is suggested once (the first matching column wins).
 */
export function suggestMapping(headers: string[], targets: Pick<ImportTarget, "key" | "label" | "custom">[], entity: ImportEntity): (string | null)[] {
  const fields = new Map(IMPORT_FIELDS[entity].map((f) => [f.key, f]));
  const used = new Set<string>();
  const candidates = (t: Pick<ImportTarget, "key" | "label" | "custom">): string[] => {
    const names = [t.key.replace(/^cf\./, ""), t.label, ...(fields.get(t.key)?.aliases ?? [])];
    return names.map(normaliseHeader);
  };
  const index = targets.map((t) => ({ key: t.key, names: new Set(candidates(t)) }));
  return headers.map((h) => {
    const n = normaliseHeader(h);
    if (!n) return null;
    const hit = index.find((t) => !used.has(t.key) && t.names.has(n));
    if (!hit) return null;
    used.add(hit.key);
    return hit.key;
  });
}
