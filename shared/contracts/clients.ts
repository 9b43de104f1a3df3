import { z } from "zod";
import { NAME_MAX } from "../constants/limits";
import { bulkAction, bulkBody, listQueryFields, moneyMinorField, ownedRecordBulkActions, paginated, tagField } from "./common";
import { CustomFieldValues } from "./custom-fields";
import { CURRENCIES } from "./workspace";

export const CLIENT_STATUSES = ["prospect", "active", "paused", "churned"] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** Sections a client's portal may show; later modules (tasks, invoices, …) read these switches. */
export const PORTAL_SECTIONS = ["tasks", "invoices", "tickets", "messages", "reports"] as const;

export const PortalSettings = z
  .object(Object.fromEntries(PORTAL_SECTIONS.map((s) => [s, z.boolean()])) as Record<(typeof PORTAL_SECTIONS)[number], z.ZodBoolean>)
  .meta({ id: "PortalSettings" });
export type PortalSettings = z.infer<typeof PortalSettings>;

export const Address = z
  .strictObject({
    line1: z.string().trim().max(200).optional(),
    line2: z.string().trim().max(200).optional(),
    city: z.string().trim().max(120).optional(),
    region: z.string().trim().max(120).optional(),
    postalCode: z.string().trim().max(20).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. GB")
      .optional(),
  })
  .meta({ id: "Address" });
export type Address = z.infer<typeof Address>;

/** Money in minor units (cents) with its ISO currency. */
export const Money = z
  .strictObject({
    amountMinor: moneyMinorField,
    currency: z.enum(CURRENCIES),
  })
  .meta({ id: "Money" });
export type Money = z.infer<typeof Money>;

export const UserRef = z.object({ id: z.uuid(), name: z.string() }).meta({ id: "UserRef" });

/** The short form used in pickers and the portal. */
export const ClientSummaryDto = z
  .object({ id: z.uuid(), name: z.string(), status: z.enum(CLIENT_STATUSES), createdAt: z.iso.datetime() })
  .meta({ id: "ClientSummaryDto" });
export type ClientSummaryDto = z.infer<typeof ClientSummaryDto>;

export const ClientDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(CLIENT_STATUSES),
    industry: z.string().nullable(),
    website: z.string().nullable(),
    phone: z.string().nullable(),
    address: Address,
    owner: UserRef.nullable().describe("Account owner"),
    assignees: z.array(UserRef).describe("Assigned team members"),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    retainer: Money.nullable().describe("Monthly retainer"),
    portalSettings: PortalSettings,
    contactCount: z.number().int(),
    customFields: CustomFieldValues.describe("Custom field values keyed by field key (set fields only)"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean(), manageAssignees: z.boolean(), managePortal: z.boolean() }),
  })
  .meta({ id: "ClientDto" });
export type ClientDto = z.infer<typeof ClientDto>;

/**
 * `relevance` (best match first: the newest 200 matches ranked, then older matches newest first; needs
 * `q`, without it the list falls back to name order); `custom`
 * sorts by the custom field named in `sortKey` (records without a value last).
 */
export const CLIENT_SORTS = ["name", "createdAt", "updatedAt", "relevance", "custom"] as const;

/** Body field: custom values; on update a patch merged into the stored values (null or "" clears a key). */
export const customFieldsBodyField = z
  .record(z.string().max(40), z.unknown())
  .describe("Custom field values by key; on update a patch merged into the stored values (null or \"\" clears a key)");

export const ListClientsQuery = z
  .strictObject({
    q: z.string().trim().max(120).optional().describe("Search name, industry, website, phone, tags and notes (a fragment of any; full text for several words); typo-tolerant on the name when fewer than 50 clients match exactly"),
    status: z.enum(CLIENT_STATUSES).optional(),
    ownerId: z.uuid().optional(),
    assigneeId: z.uuid().optional(),
    tag: tagField.optional(),
    ...listQueryFields(CLIENT_SORTS, { sort: "name", order: "asc" }),
  })
  .meta({ id: "ListClientsQuery" });
export type ListClientsQuery = z.infer<typeof ListClientsQuery>;

export const ClientListResponse = paginated(ClientDto, "ClientListResponse");
export type ClientListResponse = z.infer<typeof ClientListResponse>;

export const ClientResponse = z.object({ data: ClientDto }).meta({ id: "ClientResponse" });

const clientFields = {
  name: z.string().trim().min(1, "Enter the client's name").max(NAME_MAX),
  status: z.enum(CLIENT_STATUSES),
  industry: z.string().trim().max(120).nullable(),
  website: z.url({ message: "Enter a full URL, e.g. https://example.com" }).max(300).nullable(),
  phone: z.string().trim().max(40).nullable(),
  address: Address,
  ownerId: z.uuid().nullable(),
  tags: z.array(tagField).max(30),
  notes: z.string().max(10_000).nullable(),
  retainer: Money.nullable(),
  customFields: customFieldsBodyField,
};

export const CreateClientBody = z
  .strictObject({ ...clientFields, status: clientFields.status.default("prospect") })
  .partial({ industry: true, website: true, phone: true, address: true, ownerId: true, tags: true, notes: true, retainer: true, customFields: true })
  .meta({ id: "CreateClientBody" });
export type CreateClientBody = z.infer<typeof CreateClientBody>;

export const UpdateClientBody = z.strictObject(clientFields).partial().meta({ id: "UpdateClientBody" });
export type UpdateClientBody = z.infer<typeof UpdateClientBody>;

export const SetAssigneesBody = z.strictObject({ userIds: z.array(z.uuid()).max(50) }).meta({ id: "SetAssigneesBody" });
export type SetAssigneesBody = z.infer<typeof SetAssigneesBody>;

export const UpdatePortalSettingsBody = PortalSettings.partial().strict().meta({ id: "UpdatePortalSettingsBody" });
export type UpdatePortalSettingsBody = z.infer<typeof UpdatePortalSettingsBody>;

export const BulkClientsBody = bulkBody("BulkClientsBody", ownedRecordBulkActions(bulkAction.setStatus(CLIENT_STATUSES)));
export type BulkClientsBody = z.infer<typeof BulkClientsBody>;

export const BulkResult = z
  .object({ updated: z.number().int(), skipped: z.array(z.object({ id: z.uuid(), reason: z.string() })) })
  .meta({ id: "BulkResult" });
export type BulkResult = z.infer<typeof BulkResult>;

export const PortalOverviewResponse = z
  .object({
    client: ClientSummaryDto,
    user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    workspace: z.object({ name: z.string(), brandColor: z.string() }),
    sections: PortalSettings.describe("Portal sections switched on for this client"),
    contacts: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable(), title: z.string().nullable(), isPrimary: z.boolean() })),
  })
  .meta({ id: "PortalOverviewResponse" });
export type PortalOverviewResponse = z.infer<typeof PortalOverviewResponse>;
