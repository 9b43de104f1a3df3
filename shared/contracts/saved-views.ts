import { z } from "zod";
import { ListDealsQuery } from "./deals";
import { ListClientsQuery } from "./clients";
import { ListContactsQuery } from "./contacts";
import { ListLeadsQuery } from "./leads";

/** List pages that can save views. */
export const SAVED_VIEW_ENTITIES = ["client", "contact", "lead", "deal"] as const;
export type SavedViewEntity = (typeof SAVED_VIEW_ENTITIES)[number];

export const SAVED_VIEW_VISIBILITIES = ["personal", "shared"] as const;
export type SavedViewVisibility = (typeof SAVED_VIEW_VISIBILITIES)[number];

/** Keys a saved view never stores: paging is the list's own business. */
const PAGING_KEYS = ["cursor", "limit"] as const;

/** A list's URL query as a view stores it: string values (cf may repeat). */
const queryValue = z.union([z.string().max(200), z.array(z.string().max(200)).max(5)]);

/** The list query schema a view of each record type must satisfy (paging keys excluded). */
export const SAVED_VIEW_QUERY_SCHEMAS: Record<SavedViewEntity, z.ZodType> = {
  client: ListClientsQuery.omit({ cursor: true, limit: true }),
  contact: ListContactsQuery.omit({ cursor: true, limit: true }),
  lead: ListLeadsQuery.omit({ cursor: true, limit: true }),
  deal: ListDealsQuery.omit({ cursor: true, limit: true }),
};

export const SavedViewQuery = z.record(z.string(), queryValue).describe("The list's URL query: filters, q, sort, order, cf (no cursor or limit)");
export type SavedViewQuery = z.infer<typeof SavedViewQuery>;

export const SavedViewColumns = z
  .array(z.string().regex(/^[a-z][a-zA-Z0-9_:]{0,60}$/, "Use a column id"))
  .max(60)
  .describe("Visible column ids in display order (custom fields as cf:<key>)");

export const SavedViewDto = z
  .object({
    id: z.uuid(),
    entityType: z.enum(SAVED_VIEW_ENTITIES),
    name: z.string(),
    visibility: z.enum(SAVED_VIEW_VISIBILITIES),
    query: SavedViewQuery,
    columns: z.array(z.string()).nullable().describe("Visible columns in order; null keeps the user's own choice"),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable().describe("Who saved it (null once that user is gone)"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: "SavedViewDto" });
export type SavedViewDto = z.infer<typeof SavedViewDto>;

export const ListSavedViewsQuery = z
  .strictObject({ entityType: z.enum(SAVED_VIEW_ENTITIES).describe("The list the views belong to") })
  .meta({ id: "ListSavedViewsQuery" });
export type ListSavedViewsQuery = z.infer<typeof ListSavedViewsQuery>;

export const SavedViewListResponse = z.object({ data: z.array(SavedViewDto) }).meta({ id: "SavedViewListResponse" });
export type SavedViewListResponse = z.infer<typeof SavedViewListResponse>;
export const SavedViewResponse = z.object({ data: SavedViewDto }).meta({ id: "SavedViewResponse" });

const nameField = z.string().trim().min(1, "Name the view").max(60, "Use at most 60 characters");

export const CreateSavedViewBody = z
  .strictObject({
    entityType: z.enum(SAVED_VIEW_ENTITIES),
    name: nameField,
    visibility: z.enum(SAVED_VIEW_VISIBILITIES).default("personal"),
    query: SavedViewQuery.default({}),
    columns: SavedViewColumns.nullable().optional(),
  })
  .meta({ id: "CreateSavedViewBody" });
export type CreateSavedViewBody = z.infer<typeof CreateSavedViewBody>;

export const UpdateSavedViewBody = z
  .strictObject({ name: nameField, visibility: z.enum(SAVED_VIEW_VISIBILITIES), query: SavedViewQuery, columns: SavedViewColumns.nullable() })
  .partial()
  .meta({ id: "UpdateSavedViewBody" });
export type UpdateSavedViewBody = z.infer<typeof UpdateSavedViewBody>;

/** The parameter names a view never stores. */
export const SAVED_VIEW_PAGING_KEYS: readonly string[] = PAGING_KEYS;
