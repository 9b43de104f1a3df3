import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { AttachmentEntity } from "../../../shared/contracts/attachments";
import { type Actor, can } from "../../auth/actor";
import type { Db } from "../../db/client";
import { type AttachmentRow, attachments, clients, deals, leads, users } from "../../db/schema";
import { clientVisibilityCondition } from "../clients/clients.visibility";
import { dealVisibilityCondition } from "../deals/deals.visibility";
import { leadVisibilityCondition } from "../leads/leads.visibility";

export type AttachmentWithUploader = AttachmentRow & { uploaderName: string | null };

/**
 * The SQL condition "the actor may see this attachment's parent record": an EXISTS on the client,
 * lead or deal with that record's own visibility rule, for the record kinds the actor may read.
 */
export function attachmentVisibilityCondition(actor: Actor): SQL {
  const branches: SQL[] = [];
  if (can(actor, "clients.read")) {
    branches.push(sql`(${attachments.entityType} = 'client' and exists (select 1 from ${clients} where ${clients.id} = ${attachments.entityId} and ${clientVisibilityCondition(actor)}))`);
  }
  if (can(actor, "leads.read")) {
    branches.push(sql`(${attachments.entityType} = 'lead' and exists (select 1 from ${leads} where ${leads.id} = ${attachments.entityId} and ${leadVisibilityCondition(actor)}))`);
  }
  if (can(actor, "deals.read")) {
    branches.push(sql`(${attachments.entityType} = 'deal' and exists (select 1 from ${deals} where ${deals.id} = ${attachments.entityId} and ${dealVisibilityCondition(actor)}))`);
  }
  return and(eq(attachments.workspaceId, actor.workspaceId), branches.length ? or(...branches) : sql`false`)!;
}

/** Whether the parent record exists and is visible to the actor (its own visibility rule, in SQL). */
export async function parentIsVisible(db: Db, actor: Actor, entityType: AttachmentEntity, entityId: string): Promise<boolean> {
  const table = entityType === "client" ? clients : entityType === "lead" ? leads : deals;
  const condition = entityType === "client" ? clientVisibilityCondition(actor) : entityType === "lead" ? leadVisibilityCondition(actor) : dealVisibilityCondition(actor);
  const [row] = await db.select({ id: table.id }).from(table).where(and(condition, eq(table.id, entityId))).limit(1);
  return !!row;
}

const withUploader = { attachment: attachments, uploaderName: users.name };
const uploaderJoin = and(eq(users.id, attachments.uploadedBy), eq(users.workspaceId, attachments.workspaceId));

/** A newest-first keyset page (limit + 1 rows) of one record's attachments; the caller has checked the record is visible. */
export async function listEntityAttachments(
  db: Db,
  workspaceId: string,
  q: { entityType: AttachmentEntity; entityId: string; limit: number; afterId?: string; sharedOnly?: boolean },
): Promise<AttachmentWithUploader[]> {
  const conds: SQL[] = [eq(attachments.workspaceId, workspaceId), eq(attachments.entityType, q.entityType), eq(attachments.entityId, q.entityId)];
  if (q.sharedOnly) conds.push(eq(attachments.sharedWithClient, true));
  if (q.afterId) conds.push(lt(attachments.id, q.afterId));
  const rows = await db.select(withUploader).from(attachments).leftJoin(users, uploaderJoin).where(and(...conds)).orderBy(desc(attachments.id)).limit(q.limit + 1);
  return rows.map((r) => ({ ...r.attachment, uploaderName: r.uploaderName }));
}

/** One attachment whose parent record the actor may see, or undefined (another workspace's looks the same). */
export async function findVisibleAttachment(db: Db, actor: Actor, id: string): Promise<AttachmentWithUploader | undefined> {
  const [row] = await db.select(withUploader).from(attachments).leftJoin(users, uploaderJoin).where(and(attachmentVisibilityCondition(actor), eq(attachments.id, id))).limit(1);
  return row ? { ...row.attachment, uploaderName: row.uploaderName } : undefined;
}

/** One file shared with the portal user's own client, or undefined. */
export async function findSharedClientFile(db: Db, workspaceId: string, clientId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.entityType, "client"), eq(attachments.entityId, clientId), eq(attachments.sharedWithClient, true), eq(attachments.id, id)))
    .limit(1);
  return row;
}

/** Inserts an attachment row. */
export async function insertAttachment(db: Db, row: typeof attachments.$inferInsert): Promise<AttachmentRow> {
  const [created] = await db.insert(attachments).values(row).returning();
  return created!;
}

/** Sets the portal-sharing flag. */
export async function setShared(db: Db, workspaceId: string, id: string, shared: boolean): Promise<void> {
  await db.update(attachments).set({ sharedWithClient: shared }).where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.id, id)));
}

/** Deletes one attachment row. */
export async function deleteAttachmentRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(attachments).where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.id, id)));
}

/** Deletes the attachment rows of some records, returning their storage keys (delete the files after commit). */
export async function deleteEntityAttachments(db: Db, workspaceId: string, entityType: AttachmentEntity, entityIds: string[]): Promise<string[]> {
  if (!entityIds.length) return [];
  const rows = await db
    .delete(attachments)
    .where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.entityType, entityType), inArray(attachments.entityId, entityIds)))
    .returning({ storageKey: attachments.storageKey });
  return rows.map((r) => r.storageKey);
}
