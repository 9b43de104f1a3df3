import {
  AttachmentFile,
  AttachmentListResponse,
  AttachmentResponse,
  ListAttachmentsQuery,
  ListPortalFilesQuery,
  PortalFileListResponse,
  UpdateAttachmentBody,
  UploadAttachmentForm,
  UploadAttachmentQuery,
} from "../../../shared/contracts/attachments";
import { ErrorResponse, IdParams } from "../../../shared/contracts/common";
import { defineRoute } from "../../http/define-route";
import * as attachments from "./attachments.service";
import { downloadPortalFile, listPortalFiles } from "./portal-files.service";

const tags = ["Attachments"];
const DOWNLOAD_NOTE = "Streamed with Content-Disposition: attachment (ASCII fallback and UTF-8 filename*), X-Content-Type-Options: nosniff and the sniffed Content-Type.";

export const attachmentsRoutes = [
  defineRoute({
    method: "get",
    path: "/attachments",
    summary: "List a client's, lead's or deal's files, newest first",
    description: "Visible when the record is (its own visibility rule); needs clients.read, leads.read or deals.read for the record's kind.",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { query: ListAttachmentsQuery },
    responses: { 200: AttachmentListResponse },
    handler: ({ app, actor, input }) => attachments.listAttachments(app, actor, input.query),
  }),
  defineRoute({
    method: "post",
    path: "/attachments",
    summary: "Upload a file to a client, lead or deal (multipart, field `file`)",
    description:
      "The type is detected from the content: PDF, PNG, JPEG, GIF, WebP, DOCX/XLSX/PPTX, ZIP and plain text/CSV are accepted (415 unsupported_file_type otherwise); larger than UPLOAD_MAX_BYTES is 413 file_too_large. Needs write rights on the record (creators are read-only).",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    consumes: "multipart/form-data",
    request: { query: UploadAttachmentQuery, body: UploadAttachmentForm },
    responses: { 201: AttachmentResponse, 413: ErrorResponse, 415: ErrorResponse },
    handler: async ({ app, actor, input, req }) => ({ data: await attachments.uploadAttachment(app, actor, input.query, req) }),
  }),
  defineRoute({
    method: "get",
    path: "/attachments/:id/download",
    summary: "Download a file",
    description: DOWNLOAD_NOTE,
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { params: IdParams },
    responses: { 200: AttachmentFile },
    produces: "application/octet-stream",
    handler: ({ app, actor, input, res }) => attachments.downloadAttachment(app, actor, input.params.id, res),
  }),
  defineRoute({
    method: "patch",
    path: "/attachments/:id",
    summary: "Share a client's file with the client's portal, or stop sharing it",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { params: IdParams, body: UpdateAttachmentBody },
    responses: { 200: AttachmentResponse },
    handler: async ({ app, actor, input }) => ({ data: await attachments.updateAttachment(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/attachments/:id",
    summary: "Delete a file (the stored bytes go too)",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await attachments.deleteAttachment(app, actor, input.params.id);
    },
  }),
  defineRoute({
    method: "get",
    path: "/portal/files",
    summary: "Files shared with the portal user's own client, newest first",
    tags: ["Portal"],
    access: { kind: "portal" },
    request: { query: ListPortalFilesQuery },
    responses: { 200: PortalFileListResponse },
    handler: ({ app, actor, input }) => listPortalFiles(app, actor, input.query),
  }),
  defineRoute({
    method: "get",
    path: "/portal/files/:id/download",
    summary: "Download a file shared with the portal user's own client",
    description: DOWNLOAD_NOTE,
    tags: ["Portal"],
    access: { kind: "portal" },
    request: { params: IdParams },
    responses: { 200: AttachmentFile },
    produces: "application/octet-stream",
    handler: ({ app, actor, input, res }) => downloadPortalFile(app, actor, input.params.id, res),
  }),
];
