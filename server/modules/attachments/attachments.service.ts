import { pipeline } from "node:stream/promises";
import type { Request, Response } from "express";
import {
  type AttachmentDto,
  type AttachmentEntity,
  type AttachmentListResponse,
  type ListAttachmentsQuery,
  type UpdateAttachmentBody,
  UploadAttachmentFields,
  type UploadAttachmentQuery,
} from "../../../shared/contracts/attachments";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import { type Actor, can } from "../../auth/actor";
import type { Db } from "../../db/client";
import type { AttachmentRow } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { logger } from "../../lib/logger";
import { decodeIdCursor, toPage } from "../../lib/pagination";
import { type FileStorage, StorageNotFoundError } from "../../lib/storage";
import { recordAudit } from "../audit/audit.service";
import { detectContentType, sanitizeFileName } from "./attachment-content";
import { receiveUpload } from "./attachment-upload";
import { type AttachmentAbilities, attachmentAbilities, READ_PERMISSION } from "./attachments.policy";
import { contentDisposition, presentAttachment } from "./attachments.presenter";
import {
  type AttachmentWithUploader,
  deleteAttachmentRow,
  findVisibleAttachment,
  insertAttachment,
  listEntityAttachments,
  parentIsVisible,
  setShared,
} from "./attachments.repository";

const NOUNS: Record<AttachmentEntity, string> = { client: "Client", lead: "Lead", deal: "Deal" };

/** The actor's abilities on a record's files, or 403 (no read permission for that kind) / 404 (record invisible). */
async function loadParent(db: Db, actor: Actor, entityType: AttachmentEntity, entityId: string): Promise<AttachmentAbilities> {
  if (!can(actor, READ_PERMISSION[entityType])) throw errors.forbidden();
  if (!(await parentIsVisible(db, actor, entityType, entityId))) throw errors.notFound(NOUNS[entityType]);
  return attachmentAbilities(actor, entityType);
}

/** An attachment whose parent the actor sees, or 404. */
async function loadVisibleAttachment(db: Db, actor: Actor, id: string): Promise<AttachmentWithUploader> {
  const row = await findVisibleAttachment(db, actor, id);
  if (!row) throw errors.notFound("File");
  return row;
}

/** A record's files, newest first. */
export async function listAttachments(app: AppContext, actor: Actor, q: ListAttachmentsQuery): Promise<AttachmentListResponse> {
  const db = app.database.db;
  const abilities = await loadParent(db, actor, q.entityType, q.entityId);
  const rows = await listEntityAttachments(db, actor.workspaceId, { ...q, afterId: q.cursor ? decodeIdCursor(q.cursor) : undefined });
  return toPage(rows, q.limit, (r) => [r.id], (r) => presentAttachment(r, abilities));
}

/**
 * Uploads one file to a record: authorized before a byte is read, streamed to storage under a
 * server-chosen key, type-checked from its content; a refused or failed upload leaves no file.
 */
export async function uploadAttachment(app: AppContext, actor: Actor, q: UploadAttachmentQuery, req: Request): Promise<AttachmentDto> {
  const abilities = await loadParent(app.database.db, actor, q.entityType, q.entityId);
  if (!abilities.write) throw errors.forbidden();
  const received = await receiveUpload(req, app.storage, app.config.UPLOAD_MAX_BYTES);
  const { key } = received.stored;
  try {
    const fields = UploadAttachmentFields.safeParse(received.fields);
    if (!fields.success) throw errors.validation(fields.error.issues.map((i) => ({ path: `body.${i.path.join(".")}`, message: i.message })));
    const shared = fields.data.sharedWithClient;
    if (shared && !abilities.share) throw errors.validation([{ path: "body.sharedWithClient", message: "Only files on a client can be shared with the client" }]);
    const fileName = sanitizeFileName(received.rawName);
    const contentType = await detectContentType(() => app.storage.get(key), received.facts, fileName);
    const row = await withTransaction(app.database.pool, async (tx) => {
      // The record may have gone while the file streamed in.
      if (!(await parentIsVisible(tx.db, actor, q.entityType, q.entityId))) throw errors.notFound(NOUNS[q.entityType]);
      const created = await insertAttachment(tx.db, {
        workspaceId: actor.workspaceId,
        entityType: q.entityType,
        entityId: q.entityId,
        fileName,
        contentType,
        size: received.stored.size,
        sha256: received.stored.sha256,
        storageKey: key,
        sharedWithClient: shared,
        uploadedBy: actor.id,
      });
      await recordAudit(tx.db, {
        workspaceId: actor.workspaceId,
        actorId: actor.id,
        action: "attachment.uploaded",
        entityType: q.entityType,
        entityId: q.entityId,
        changes: { attachmentId: created.id, fileName, contentType, size: created.size, sharedWithClient: shared },
      });
      return created;
    });
    return presentAttachment({ ...row, uploaderName: actor.name }, abilities);
  } catch (err) {
    await app.storage.delete(key);
    throw err;
  }
}

/** Streams a file the actor may see, as a download. */
export async function downloadAttachment(app: AppContext, actor: Actor, id: string, res: Response): Promise<void> {
  const row = await loadVisibleAttachment(app.database.db, actor, id);
  await sendStoredFile(app.storage, row, res);
}

/** Shares a client file with the client's portal, or stops sharing it. */
export async function updateAttachment(app: AppContext, actor: Actor, id: string, body: UpdateAttachmentBody): Promise<AttachmentDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const before = await loadVisibleAttachment(tx.db, actor, id);
    const abilities = attachmentAbilities(actor, before.entityType);
    if (!abilities.write) throw errors.forbidden();
    if (!abilities.share && body.sharedWithClient) {
      throw errors.validation([{ path: "body.sharedWithClient", message: "Only files on a client can be shared with the client" }]);
    }
    if (before.sharedWithClient !== body.sharedWithClient) {
      await setShared(tx.db, actor.workspaceId, id, body.sharedWithClient);
      await recordAudit(tx.db, {
        workspaceId: actor.workspaceId,
        actorId: actor.id,
        action: "attachment.sharing_changed",
        entityType: before.entityType,
        entityId: before.entityId,
        changes: { attachmentId: id, fileName: before.fileName, sharedWithClient: { from: before.sharedWithClient, to: body.sharedWithClient } },
      });
    }
    return { ...before, sharedWithClient: body.sharedWithClient };
  });
  return presentAttachment(row, attachmentAbilities(actor, row.entityType));
}

/** Deletes a file: the row in a transaction, the stored bytes after it commits. */
export async function deleteAttachment(app: AppContext, actor: Actor, id: string): Promise<void> {
  const key = await withTransaction(app.database.pool, async (tx) => {
    const row = await loadVisibleAttachment(tx.db, actor, id);
    if (!attachmentAbilities(actor, row.entityType).write) throw errors.forbidden();
    await deleteAttachmentRow(tx.db, actor.workspaceId, id);
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "attachment.deleted",
      entityType: row.entityType,
      entityId: row.entityId,
      changes: { attachmentId: id, fileName: row.fileName, size: row.size },
    });
    return row.storageKey;
  });
  await removeStoredFiles(app.storage, [key]);
}

/** Deletes stored files whose rows are already gone (after commit); a failure is logged, not thrown. */
export async function removeStoredFiles(storage: FileStorage, keys: string[]): Promise<void> {
  for (const key of keys) {
    try {
      await storage.delete(key);
    } catch (err) {
      logger.error({ err, storageKey: key }, "could not delete a stored file; it is orphaned");
    }
  }
}

/** Streams a stored file with download headers (attachment disposition, nosniff, exact type and length). */
export async function sendStoredFile(storage: FileStorage, row: AttachmentRow, res: Response): Promise<void> {
  let stream: Awaited<ReturnType<FileStorage["get"]>>;
  try {
    stream = await storage.get(row.storageKey);
  } catch (err) {
    if (err instanceof StorageNotFoundError) throw errors.notFound("File");
    throw err;
  }
  res.status(200);
  res.setHeader("Content-Type", row.contentType.startsWith("text/") ? `${row.contentType}; charset=utf-8` : row.contentType);
  res.setHeader("Content-Length", String(row.size));
  res.setHeader("Content-Disposition", contentDisposition(row.fileName));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  res.setHeader("Cache-Control", "private, no-store");
  try {
    await pipeline(stream, res);
  } catch (err) {
    // Headers are gone: the only honest signal left is a cut connection.
    res.destroy();
    logger.warn({ err, attachmentId: row.id }, "file download interrupted");
  }
}
