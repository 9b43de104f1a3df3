import type { AttachmentDto, PortalFileDto } from "../../../shared/contracts/attachments";
import type { AttachmentRow } from "../../db/schema";
import type { AttachmentAbilities } from "./attachments.policy";
import type { AttachmentWithUploader } from "./attachments.repository";

/** Row → staff DTO, field by field (the storage key never leaves the server). */
export function presentAttachment(row: AttachmentWithUploader, abilities: AttachmentAbilities): AttachmentDto {
  return {
    id: row.id,
    entityType: row.entityType,
    entityId: row.entityId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    sharedWithClient: row.sharedWithClient,
    uploadedBy: row.uploadedBy ? { id: row.uploadedBy, name: row.uploaderName ?? "" } : null,
    createdAt: row.createdAt.toISOString(),
    downloadUrl: `/api/attachments/${row.id}/download`,
    abilities: { delete: abilities.write, share: abilities.share },
  };
}

/** Row → portal DTO (no uploader, hash or sharing flag). */
export function presentPortalFile(row: AttachmentRow): PortalFileDto {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    createdAt: row.createdAt.toISOString(),
    downloadUrl: `/api/portal/files/${row.id}/download`,
  };
}

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback plus the exact UTF-8 name (RFC 6266/5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
