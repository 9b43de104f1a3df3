import { z } from "zod";
import { EMAIL_MAX, NAME_MAX } from "../constants/limits";
import { customFieldsBodyField, UserRef } from "./clients";
import { bulkAction, bulkBody, listQueryFields, moneyMinorField, ownedRecordBulkActions, paginated, tagField } from "./common";
import { CustomFieldValues } from "./custom-fields";
import { CURRENCIES } from "./workspace";

export const LEAD_STATUSES = ["new", "contacted", "qualified", "unqualified", "converted"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** How a lead entered the workspace. */
export const LEAD_SOURCES = ["form", "import", "manual", "api"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** Proof of consent to be contacted: when, how, and the exact text the person agreed to. */
export const LeadConsent = z
  .object({
    givenAt: z.iso.datetime(),
    method: z.enum(LEAD_SOURCES).describe("Where consent was given"),
    text: z.string().describe("The consent text shown to the person"),
    formId: z.uuid().optional(),
    ip: z.string().optional(),
  })
  .meta({ id: "LeadConsent" });
export type LeadConsent = z.infer<typeof LeadConsent>;

/** `relevance` (best match, needs `q`): the newest 200 matches ranked, then older matches newest first. */
export const LEAD_SORTS = ["createdAt", "updatedAt", "name", "score", "relevance", "custom"] as const;
export type LeadSortKey = (typeof LEAD_SORTS)[number];

/** Statuses a person may set by hand (`converted` is reached only by converting). */
export const EDITABLE_LEAD_STATUSES = ["new", "contacted", "qualified", "unqualified"] as const;

export const LeadDto = z
  .object({
    id: z.uuid(),
    name: z.string().describe("The person's name"),
    company: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable().describe("E.164 when it could be normalised"),
    country: z.string().nullable().describe("ISO 3166-1 alpha-2"),
    source: z.enum(LEAD_SOURCES),
    sourceDetail: z.string().nullable().describe("Form or import file name, API client"),
    status: z.enum(LEAD_STATUSES),
    score: z.number().int(),
    owner: UserRef.nullable(),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    customFields: CustomFieldValues,
    consent: LeadConsent.nullable(),
    conversion: z
      .object({
        convertedAt: z.iso.datetime(),
        client: z.object({ id: z.uuid(), name: z.string() }).nullable(),
        contactId: z.uuid().nullable(),
        dealId: z.uuid().nullable(),
      })
      .nullable()
      .describe("Set once the lead is converted"),
    lastActivityAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean(), convert: z.boolean() }),
  })
  .meta({ id: "LeadDto" });
export type LeadDto = z.infer<typeof LeadDto>;

export const ListLeadsQuery = z
  .strictObject({
    q: z.string().trim().max(120).optional().describe("Search name, company, email, phone and tags (a fragment of any; full text for several words); typo-tolerant on name and company when fewer than 50 leads match exactly"),
    status: z.enum(LEAD_STATUSES).optional(),
    source: z.enum(LEAD_SOURCES).optional(),
    ownerId: z.uuid().optional(),
    unassigned: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .describe("Only leads without an owner"),
    tag: tagField.optional(),
    ...listQueryFields(LEAD_SORTS, { sort: "createdAt", order: "desc" }),
  })
  .meta({ id: "ListLeadsQuery" });
export type ListLeadsQuery = z.infer<typeof ListLeadsQuery>;

export const LeadListResponse = paginated(LeadDto, "LeadListResponse");
export type LeadListResponse = z.infer<typeof LeadListResponse>;
export const LeadResponse = z.object({ data: LeadDto }).meta({ id: "LeadResponse" });

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX)
  .pipe(z.union([z.literal(""), z.email({ message: "Enter a valid email address" })]))
  .transform((v) => v || null)
  .nullable();

export const leadFields = {
  name: z.string().trim().min(1, "Enter the lead's name").max(NAME_MAX),
  company: z.string().trim().max(200).nullable(),
  email: optionalEmail,
  phone: z.string().trim().max(40).nullable(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. GB")
    .nullable(),
  status: z.enum(EDITABLE_LEAD_STATUSES),
  score: z.number().int().min(0, "Score is 0–100").max(100, "Score is 0–100"),
  ownerId: z.uuid().nullable(),
  tags: z.array(tagField).max(30),
  notes: z.string().max(10_000).nullable(),
  customFields: customFieldsBodyField,
};

/** Consent captured by hand or through the API (forms record their own). */
export const ConsentInput = z
  .strictObject({
    text: z.string().trim().min(1, "Record the consent text the person agreed to").max(2000),
    givenAt: z.iso.datetime().optional().describe("Defaults to now"),
  })
  .meta({ id: "ConsentInput" });

export const CreateLeadBody = z
  .strictObject({
    ...leadFields,
    status: leadFields.status.default("new"),
    score: leadFields.score.default(0),
    source: z.enum(["manual", "api"]).default("manual").describe("manual from the app, api from integrations"),
    sourceDetail: z.string().trim().max(200).nullable(),
    consent: ConsentInput.nullable(),
  })
  .partial({ company: true, email: true, phone: true, country: true, ownerId: true, tags: true, notes: true, customFields: true, sourceDetail: true, consent: true })
  .meta({ id: "CreateLeadBody" });
export type CreateLeadBody = z.infer<typeof CreateLeadBody>;

export const UpdateLeadBody = z.strictObject(leadFields).partial().meta({ id: "UpdateLeadBody" });
export type UpdateLeadBody = z.infer<typeof UpdateLeadBody>;

export const BulkLeadsBody = bulkBody("BulkLeadsBody", ownedRecordBulkActions(bulkAction.setStatus(EDITABLE_LEAD_STATUSES)));
export type BulkLeadsBody = z.infer<typeof BulkLeadsBody>;

/**
 * Converting a lead: link an existing client or create one (named after the company, or the person),
 * link an existing contact of that client or create one from the lead, and optionally open a deal.
 */
export const ConvertLeadBody = z
  .strictObject({
    client: z.discriminatedUnion("mode", [
      z.strictObject({ mode: z.literal("existing"), clientId: z.uuid() }),
      z.strictObject({ mode: z.literal("new"), name: z.string().trim().min(1, "Enter the client's name").max(NAME_MAX).optional() }),
    ]),
    contact: z
      .discriminatedUnion("mode", [z.strictObject({ mode: z.literal("existing"), contactId: z.uuid() }), z.strictObject({ mode: z.literal("new") }), z.strictObject({ mode: z.literal("none") })])
      .default({ mode: "new" }),
    deal: z
      .strictObject({
        title: z.string().trim().min(1, "Enter the deal's title").max(200),
        pipelineId: z.uuid().optional().describe("Defaults to the first pipeline"),
        stageId: z.uuid().optional().describe("Defaults to the pipeline's first stage"),
        valueMinor: moneyMinorField.default(0),
        currency: z.enum(CURRENCIES).optional().describe("Defaults to the workspace currency"),
        expectedCloseDate: z.iso.date().nullable().optional(),
      })
      .nullable()
      .default(null),
  })
  .meta({ id: "ConvertLeadBody" });
export type ConvertLeadBody = z.infer<typeof ConvertLeadBody>;

export const ConvertLeadResponse = z
  .object({ data: z.object({ lead: LeadDto, clientId: z.uuid(), contactId: z.uuid().nullable(), dealId: z.uuid().nullable() }) })
  .meta({ id: "ConvertLeadResponse" });
export type ConvertLeadResponse = z.infer<typeof ConvertLeadResponse>;

/** Open leads per team member (the workload view). */
export const LeadWorkloadResponse = z
  .object({
    data: z.array(z.object({ user: UserRef.nullable().describe("null: unassigned"), role: z.string().nullable(), open: z.number().int(), new: z.number().int() })),
  })
  .meta({ id: "LeadWorkloadResponse" });
export type LeadWorkloadResponse = z.infer<typeof LeadWorkloadResponse>;
