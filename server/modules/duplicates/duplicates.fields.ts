import type { Address } from "../../../shared/contracts/clients";
import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import type { DuplicateEntityType } from "../../../shared/contracts/duplicates";
import type { ClientRow, ContactRow, LeadRow, clients, contacts, leads } from "../../db/schema";

/** A record of one of the three mergeable types. */
export type MergeRecord = ClientRow | ContactRow | LeadRow;
type Patch = Partial<typeof clients.$inferInsert> | Partial<typeof contacts.$inferInsert> | Partial<typeof leads.$inferInsert>;

/** A field a merge can take from either record: how to show it and which columns it carries over. */
export interface MergeField<R> {
  key: string;
  label: string;
  display(r: R, names: Map<string, string>): string | null;
  take(r: R): Patch;
}

const text = (v: string | null | undefined) => (v === null || v === undefined || v === "" ? null : v);

function formatAddress(a: Address): string | null {
  return text([a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(", "));
}

function simple<R, K extends keyof R & string>(key: K, label: string): MergeField<R> {
  return {
    key,
    label,
    display: (r) => {
      const v = r[key];
      return v === null || v === undefined ? null : text(String(v));
    },
    take: (r) => ({ [key]: r[key] }) as Patch,
  };
}

const owner = <R extends { ownerId: string | null }>(): MergeField<R> => ({
  key: "ownerId",
  label: "Owner",
  display: (r, names) => (r.ownerId ? (names.get(r.ownerId) ?? "Unknown user") : null),
  take: (r) => ({ ownerId: r.ownerId }),
});

const CLIENT_FIELDS: MergeField<ClientRow>[] = [
  simple("name", "Name"),
  simple("status", "Status"),
  simple("industry", "Industry"),
  simple("website", "Website"),
  simple("phone", "Phone"),
  { key: "address", label: "Address", display: (r) => formatAddress(r.address), take: (r) => ({ address: r.address }) },
  owner<ClientRow>(),
  {
    key: "retainer",
    label: "Retainer",
    display: (r) => (r.retainerAmountMinor === null ? null : `${(r.retainerAmountMinor / 100).toFixed(2)} ${r.retainerCurrency ?? ""}`.trim()),
    take: (r) => ({ retainerAmountMinor: r.retainerAmountMinor, retainerCurrency: r.retainerCurrency }),
  },
  simple("notes", "Notes"),
];

const CONTACT_FIELDS: MergeField<ContactRow>[] = [
  simple("firstName", "First name"),
  simple("lastName", "Last name"),
  simple("email", "Email"),
  simple("phone", "Phone"),
  simple("title", "Job title"),
];

const LEAD_FIELDS: MergeField<LeadRow>[] = [
  simple("name", "Name"),
  simple("company", "Company"),
  simple("email", "Email"),
  simple("phone", "Phone"),
  simple("country", "Country"),
  simple("source", "Source"),
  {
    // A converted status carries its conversion links with it, so the survivor stays consistent.
    key: "status",
    label: "Status",
    display: (r) => r.status,
    take: (r) => ({ status: r.status, convertedAt: r.convertedAt, convertedClientId: r.convertedClientId, convertedContactId: r.convertedContactId, convertedDealId: r.convertedDealId }),
  },
  simple("score", "Score"),
  owner<LeadRow>(),
  simple("notes", "Notes"),
];

/** The built-in mergeable fields of a record type. */
export function builtInFields(entityType: DuplicateEntityType): MergeField<MergeRecord>[] {
  const fields = { client: CLIENT_FIELDS, contact: CONTACT_FIELDS, lead: LEAD_FIELDS }[entityType];
  return fields as unknown as MergeField<MergeRecord>[];
}

function displayCustom(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (Array.isArray(v)) return v.length ? v.join(", ") : null;
  if (typeof v === "boolean") return v ? "Yes" : "No";
  return String(v);
}

/** Custom fields of both records: every defined field plus any stored key without a definition. */
export function customFields(definitions: CustomFieldDefinitionDto[], records: MergeRecord[]): MergeField<MergeRecord>[] {
  const labels = new Map(definitions.map((d) => [d.key, d.label]));
  for (const r of records) for (const key of Object.keys(r.customFields)) if (!labels.has(key)) labels.set(key, key);
  return [...labels].map(([key, label]) => ({
    key: `customFields.${key}`,
    label,
    display: (r) => displayCustom(r.customFields[key]),
    take: (r) => ({ customFields: { [key]: r.customFields[key] } }),
  }));
}
