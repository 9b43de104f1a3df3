import { z } from "zod";
import { pageQueryFields, paginated } from "./common";

export const DUPLICATE_ENTITY_TYPES = ["client", "contact", "lead"] as const;
export type DuplicateEntityType = (typeof DUPLICATE_ENTITY_TYPES)[number];

export const DUPLICATE_REASONS = ["email", "phone", "domain", "name"] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** `pending`: queued by a migration, its job not enqueued yet (the server does at boot). */
export const DUPLICATE_SCAN_STATUSES = ["pending", "queued", "running", "done"] as const;
export type DuplicateScanStatus = (typeof DUPLICATE_SCAN_STATUSES)[number];

/** Names the view treats as "the same" above this trigram similarity (0–1). */
export const NAME_SIMILARITY_THRESHOLD = 0.6;

/** Free-mail and consumer domains: sharing one says nothing about being the same company. */
export const FREE_MAIL_DOMAINS = [
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "hotmail.co.uk",
  "live.com",
  "msn.com",
  "yahoo.com",
  "yahoo.co.uk",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "web.de",
  "mail.com",
  "zoho.com",
  "yandex.com",
  "yandex.ru",
  "qq.com",
  "163.com",
] as const;

const entityType = z.enum(DUPLICATE_ENTITY_TYPES).describe("Which records to compare: clients, contacts or leads");

export const ListDuplicatesQuery = z
  .strictObject({
    entityType,
    reason: z.enum(DUPLICATE_REASONS).optional().describe("Only pairs proposed for this reason (among others)"),
    ...pageQueryFields,
  })
  .meta({ id: "ListDuplicatesQuery" });
export type ListDuplicatesQuery = z.infer<typeof ListDuplicatesQuery>;

export const DuplicateRecordRef = z
  .object({
    id: z.uuid(),
    name: z.string().describe("Display name"),
    detail: z.string().nullable().describe("Email, phone or website, whichever helps tell the records apart"),
  })
  .meta({ id: "DuplicateRecordRef" });
export type DuplicateRecordRef = z.infer<typeof DuplicateRecordRef>;

export const DuplicatePairDto = z
  .object({
    entityType,
    a: DuplicateRecordRef.describe("The record with the lower id"),
    b: DuplicateRecordRef.describe("The record with the higher id"),
    reasons: z.array(z.enum(DUPLICATE_REASONS)).describe("Why the pair is proposed"),
    similarity: z.number().nullable().describe("Trigram similarity of the names (0–1) when above the threshold"),
    score: z.number().describe("Confidence 0–1: the strongest reason, plus a little for each further one"),
  })
  .meta({ id: "DuplicatePairDto" });
export type DuplicatePairDto = z.infer<typeof DuplicatePairDto>;

export const DuplicateListResponse = paginated(DuplicatePairDto, "DuplicateListResponse");
export type DuplicateListResponse = z.infer<typeof DuplicateListResponse>;

const pairIds = z
  .array(z.uuid())
  .length(2, "Give exactly two ids")
  .refine((ids) => ids[0] !== ids[1], "Give two different records")
  .describe("The two record ids");

export const DismissDuplicateBody = z.strictObject({ entityType, ids: pairIds }).meta({ id: "DismissDuplicateBody" });
export type DismissDuplicateBody = z.infer<typeof DismissDuplicateBody>;

export const CompareDuplicatesQuery = z
  .strictObject({
    entityType,
    ids: z
      .string()
      .transform((s) => s.split(",").map((x) => x.trim()))
      .pipe(pairIds)
      .describe("Two record ids separated by a comma"),
  })
  .meta({ id: "CompareDuplicatesQuery" });
export type CompareDuplicatesQuery = z.infer<typeof CompareDuplicatesQuery>;

export const RelatedCounts = z
  .object({
    activities: z.number().int().describe("Timeline entries"),
    deals: z.number().int(),
    contacts: z.number().int().describe("Contacts of a client (0 for other types)"),
    convertedLeads: z.number().int().describe("Leads converted into this client or contact"),
    portalUsers: z.number().int().describe("Portal logins bound to this client, or 1 when this contact has one"),
    attachments: z.number().int().describe("Files of a client or lead (0 for contacts, which carry none)"),
  })
  .meta({ id: "DuplicateRelatedCounts" });
export type RelatedCounts = z.infer<typeof RelatedCounts>;

export const CompareRecord = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    related: RelatedCounts.describe("Records that would move to the survivor if this one is merged away"),
  })
  .meta({ id: "DuplicateCompareRecord" });
export type CompareRecord = z.infer<typeof CompareRecord>;

export const CompareField = z
  .object({
    key: z.string().describe("Field to pick in a merge (custom fields as customFields.<key>)"),
    label: z.string(),
    values: z.array(z.string().nullable()).length(2).describe("Display values of the two records, in `records` order"),
  })
  .meta({ id: "DuplicateCompareField" });
export type CompareField = z.infer<typeof CompareField>;

export const CompareDuplicatesResponse = z
  .object({
    data: z.object({
      entityType,
      records: z.array(CompareRecord).length(2),
      fields: z.array(CompareField),
      abilities: z.object({ merge: z.boolean().describe("The actor may merge these records") }),
    }),
  })
  .meta({ id: "CompareDuplicatesResponse" });
export type CompareDuplicatesResponse = z.infer<typeof CompareDuplicatesResponse>;
export type CompareDuplicatesDto = CompareDuplicatesResponse["data"];

export const MergeDuplicatesBody = z
  .strictObject({
    entityType,
    survivorId: z.uuid().describe("The record that stays"),
    mergedId: z.uuid().describe("The record merged into the survivor and deleted"),
    fields: z
      .record(z.string().max(200), z.enum(["survivor", "merged"]))
      .default({})
      .describe("Per field, whose value the survivor keeps (default: the survivor's); custom fields as customFields.<key>"),
  })
  .meta({ id: "MergeDuplicatesBody" });
export type MergeDuplicatesBody = z.input<typeof MergeDuplicatesBody>;

export const MergeDuplicatesResponse = z
  .object({
    data: z.object({
      entityType,
      survivorId: z.uuid(),
      mergedId: z.uuid(),
      moved: RelatedCounts.describe("What moved from the merged record to the survivor"),
    }),
  })
  .meta({ id: "MergeDuplicatesResponse" });
export type MergeDuplicatesResponse = z.infer<typeof MergeDuplicatesResponse>;

export const DuplicateScanDto = z
  .object({
    status: z.enum(DUPLICATE_SCAN_STATUSES).describe("pending/queued: waiting for its job; running: walking the records; done"),
    processed: z.number().int().describe("Records scored so far"),
    total: z.number().int().describe("Records in the workspace when the rescan was requested"),
    requestedAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "DuplicateScanDto" });
export type DuplicateScanDto = z.infer<typeof DuplicateScanDto>;

export const DuplicateScanResponse = z
  .object({ data: DuplicateScanDto.nullable().describe("The latest rescan of the workspace's pairs; null if there was none") })
  .meta({ id: "DuplicateScanResponse" });
export type DuplicateScanResponse = z.infer<typeof DuplicateScanResponse>;
