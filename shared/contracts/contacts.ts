import { z } from "zod";
import { customFieldsBodyField } from "./clients";
import { bulkAction, bulkBody, emailField, listQueryFields, paginated } from "./common";
import { CustomFieldValues } from "./custom-fields";

export const PORTAL_ACCESS = ["none", "invited", "active", "deactivated"] as const;

export const ContactDto = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    clientName: z.string(),
    firstName: z.string(),
    lastName: z.string().nullable(),
    name: z.string().describe("First and last name"),
    email: z.string().nullable(),
    phone: z.string().nullable().describe("E.164 when it could be normalised"),
    title: z.string().nullable(),
    isPrimary: z.boolean(),
    portalAccess: z.enum(PORTAL_ACCESS).describe("State of this contact's portal login"),
    customFields: CustomFieldValues.describe("Custom field values keyed by field key (set fields only)"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    abilities: z.object({
      update: z.boolean(),
      delete: z.boolean(),
      inviteToPortal: z.boolean(),
      resendPortalInvite: z.boolean().describe("Invited to the portal but not accepted yet, and the caller may invite"),
    }),
  })
  .meta({ id: "ContactDto" });
export type ContactDto = z.infer<typeof ContactDto>;

/** `custom` sorts by the custom field named in `sortKey` (records without a value last). */
export const CONTACT_SORTS = ["name", "createdAt", "custom"] as const;

export const ListContactsQuery = z
  .strictObject({
    q: z.string().trim().max(120).optional().describe("Search first and last name, email, phone and title (a fragment of any; full text for several words); typo-tolerant on the name when fewer than 50 contacts match exactly"),
    clientId: z.uuid().optional(),
    ...listQueryFields(CONTACT_SORTS, { sort: "name", order: "asc" }),
  })
  .meta({ id: "ListContactsQuery" });
export type ListContactsQuery = z.infer<typeof ListContactsQuery>;

export const ContactListResponse = paginated(ContactDto, "ContactListResponse");
export type ContactListResponse = z.infer<typeof ContactListResponse>;
export const ContactResponse = z.object({ data: ContactDto }).meta({ id: "ContactResponse" });

const contactFields = {
  clientId: z.uuid(),
  firstName: z.string().trim().min(1, "Enter a first name").max(80),
  lastName: z.string().trim().max(80).nullable(),
  email: emailField.nullable(),
  phone: z.string().trim().max(40).nullable(),
  title: z.string().trim().max(120).nullable(),
  isPrimary: z.boolean(),
  customFields: customFieldsBodyField,
};

export const CreateContactBody = z
  .strictObject(contactFields)
  .partial({ lastName: true, email: true, phone: true, title: true, isPrimary: true, customFields: true })
  .meta({ id: "CreateContactBody" });
export type CreateContactBody = z.infer<typeof CreateContactBody>;

export const UpdateContactBody = z
  .strictObject(contactFields)
  .omit({ clientId: true })
  .partial()
  .meta({ id: "UpdateContactBody" });
export type UpdateContactBody = z.infer<typeof UpdateContactBody>;

/** Contacts have no owner, status or tags; "set as primary" is one contact per client, so bulk only deletes. */
export const BulkContactsBody = bulkBody("BulkContactsBody", [bulkAction.delete]);
export type BulkContactsBody = z.infer<typeof BulkContactsBody>;
