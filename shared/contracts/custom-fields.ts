import { z } from "zod";

/** Field types a workspace can define (the CRM issue's list). */
export const CUSTOM_FIELD_TYPES = ["text", "number", "money", "date", "select", "multi_select", "checkbox", "url"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Record types that carry custom fields. */
export const CUSTOM_FIELD_ENTITIES = ["client", "contact", "lead", "deal"] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

export const CUSTOM_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export const CustomFieldDefinitionDto = z
  .object({
    id: z.uuid(),
    entityType: z.enum(CUSTOM_FIELD_ENTITIES),
    key: z.string().describe("Stable key used in API values, filters and sorts"),
    label: z.string(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string()).describe("Choices of select and multi_select fields"),
    required: z.boolean(),
    position: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "CustomFieldDefinitionDto" });
export type CustomFieldDefinitionDto = z.infer<typeof CustomFieldDefinitionDto>;

const optionsField = z.array(z.string().trim().min(1).max(60)).max(50);

export const CreateCustomFieldBody = z
  .strictObject({
    entityType: z.enum(CUSTOM_FIELD_ENTITIES),
    label: z.string().trim().min(1, "Enter a label").max(60),
    key: z.string().regex(CUSTOM_FIELD_KEY, "Lower-case letters, digits and _, starting with a letter").optional().describe("Derived from the label when omitted; field_<n> (next free number) when the label has no Latin letters or digits"),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: optionsField.optional(),
    required: z.boolean().default(false),
  })
  .refine((b) => !(b.type === "select" || b.type === "multi_select") || (b.options?.length ?? 0) > 0, {
    path: ["options"],
    message: "Add at least one choice",
  })
  .meta({ id: "CreateCustomFieldBody" });
export type CreateCustomFieldBody = z.infer<typeof CreateCustomFieldBody>;

/** Type and key never change once created (stored values depend on them). */
export const UpdateCustomFieldBody = z
  .strictObject({ label: z.string().trim().min(1).max(60), options: optionsField, required: z.boolean(), position: z.number().int().min(0).max(1000) })
  .partial()
  .meta({ id: "UpdateCustomFieldBody" });
export type UpdateCustomFieldBody = z.infer<typeof UpdateCustomFieldBody>;

export const ListCustomFieldsQuery = z.strictObject({ entityType: z.enum(CUSTOM_FIELD_ENTITIES).optional() }).meta({ id: "ListCustomFieldsQuery" });
export const CustomFieldListResponse = z
  .object({ data: z.array(CustomFieldDefinitionDto), abilities: z.object({ manage: z.boolean() }) })
  .meta({ id: "CustomFieldListResponse" });
export type CustomFieldListResponse = z.infer<typeof CustomFieldListResponse>;
export const CustomFieldResponse = z.object({ data: CustomFieldDefinitionDto }).meta({ id: "CustomFieldResponse" });

/** A record's custom values, keyed by field key (what ClientDto/ContactDto carry as `customFields`). */
export const CustomFieldValues = z.record(z.string(), z.unknown()).meta({ id: "CustomFieldValues" });
export type CustomFieldValues = Record<string, unknown>;

/**
 * List filters on custom fields: `cf=key:value` (repeatable, up to 5). select/multi_select/checkbox/
 * number/date match exactly (multi_select: contains the choice); text and url match a fragment.
 */
export const customFieldFilterParam = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]{0,39}:.{1,200}$/, "Use key:value")).max(5))
  .optional()
  .describe("Custom field filters, key:value (repeatable)");
