import { z } from "zod";
import { pageQueryFields, paginated } from "./common";

/** Records that can carry attachments. */
export const ATTACHMENT_ENTITIES = ["client", "lead", "deal"] as const;
export type AttachmentEntity = (typeof ATTACHMENT_ENTITIES)[number];

/** Content types accepted, as sniffed from the file's first bytes (never from its name). */
export const ATTACHMENT_CONTENT_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/zip",
  "text/plain",
  "text/csv",
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** Longest stored display name (longer names are shortened, keeping the extension). */
export const ATTACHMENT_NAME_MAX = 200;

const entityFields = {
  entityType: z.enum(ATTACHMENT_ENTITIES).describe("Kind of record the files belong to"),
  entityId: z.uuid().describe("Id of that record"),
};

export const AttachmentDto = z
  .object({
    id: z.uuid(),
    entityType: z.enum(ATTACHMENT_ENTITIES),
    entityId: z.uuid(),
    fileName: z.string().describe("Original file name, cleaned for display"),
    contentType: z.enum(ATTACHMENT_CONTENT_TYPES).describe("Type detected from the content"),
    size: z.number().int().min(0).describe("Size in bytes"),
    sha256: z.string().describe("SHA-256 of the content (hex)"),
    sharedWithClient: z.boolean().describe("Visible to the client's portal users (client records only)"),
    uploadedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    downloadUrl: z.string().describe("Authorized download route of the file"),
    abilities: z.object({ delete: z.boolean(), share: z.boolean() }),
  })
  .meta({ id: "AttachmentDto" });
export type AttachmentDto = z.infer<typeof AttachmentDto>;

export const ListAttachmentsQuery = z.strictObject({ ...entityFields, ...pageQueryFields }).meta({ id: "ListAttachmentsQuery" });
export type ListAttachmentsQuery = z.infer<typeof ListAttachmentsQuery>;

export const AttachmentListResponse = paginated(AttachmentDto, "AttachmentListResponse");
export type AttachmentListResponse = z.infer<typeof AttachmentListResponse>;

export const UploadAttachmentQuery = z.strictObject(entityFields).meta({ id: "UploadAttachmentQuery" });
export type UploadAttachmentQuery = z.infer<typeof UploadAttachmentQuery>;

/** The multipart form of an upload (documentation; the server streams the parts itself). */
export const UploadAttachmentForm = z
  .object({
    file: z.string().meta({ format: "binary" }).describe("The file (one per request; size limit UPLOAD_MAX_BYTES, 25 MB by default)"),
    sharedWithClient: z.enum(["true", "false"]).optional().describe("Share with the client's portal at once (client records only)"),
  })
  .meta({ id: "UploadAttachmentForm" });

/** Form field values of an upload, parsed after the stream ends. */
export const UploadAttachmentFields = z.strictObject({
  sharedWithClient: z
    .enum(["true", "false"], { message: "Use true or false" })
    .optional()
    .transform((v) => v === "true"),
});

export const UpdateAttachmentBody = z
  .strictObject({ sharedWithClient: z.boolean().describe("Show the file in the client's portal") })
  .meta({ id: "UpdateAttachmentBody" });
export type UpdateAttachmentBody = z.infer<typeof UpdateAttachmentBody>;

export const AttachmentResponse = z.object({ data: AttachmentDto }).meta({ id: "AttachmentResponse" });
export type AttachmentResponse = z.infer<typeof AttachmentResponse>;

/** The file body of a download. */
export const AttachmentFile = z.string().meta({ format: "binary", id: "AttachmentFile" }).describe("The file's bytes");

export const PortalFileDto = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.enum(ATTACHMENT_CONTENT_TYPES),
    size: z.number().int().min(0),
    createdAt: z.iso.datetime(),
    downloadUrl: z.string(),
  })
  .meta({ id: "PortalFileDto" });
export type PortalFileDto = z.infer<typeof PortalFileDto>;

export const ListPortalFilesQuery = z.strictObject({ ...pageQueryFields }).meta({ id: "ListPortalFilesQuery" });
export type ListPortalFilesQuery = z.infer<typeof ListPortalFilesQuery>;

export const PortalFileListResponse = paginated(PortalFileDto, "PortalFileListResponse");
export type PortalFileListResponse = z.infer<typeof PortalFileListResponse>;
