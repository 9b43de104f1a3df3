import type { Response } from "express";
import type { ListPortalFilesQuery, PortalFileListResponse } from "../../../shared/contracts/attachments";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { decodeIdCursor, toPage } from "../../lib/pagination";
import { sendStoredFile } from "./attachments.service";
import { presentPortalFile } from "./attachments.presenter";
import { findSharedClientFile, listEntityAttachments } from "./attachments.repository";

/** The files shared with the portal user's own client, newest first. */
export async function listPortalFiles(app: AppContext, actor: Actor, q: ListPortalFilesQuery): Promise<PortalFileListResponse> {
  if (!actor.clientId) throw errors.forbidden();
  const rows = await listEntityAttachments(app.database.db, actor.workspaceId, {
    entityType: "client",
    entityId: actor.clientId,
    sharedOnly: true,
    limit: q.limit,
    afterId: q.cursor ? decodeIdCursor(q.cursor) : undefined,
  });
  return toPage(rows, q.limit, (r) => [r.id], presentPortalFile);
}

/** Streams one file shared with the portal user's own client; anything else is 404. */
export async function downloadPortalFile(app: AppContext, actor: Actor, id: string, res: Response): Promise<void> {
  if (!actor.clientId) throw errors.forbidden();
  const row = await findSharedClientFile(app.database.db, actor.workspaceId, actor.clientId, id);
  if (!row) throw errors.notFound("File");
  await sendStoredFile(app.storage, row, res);
}
