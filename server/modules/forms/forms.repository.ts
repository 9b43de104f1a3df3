import { and, asc, desc, eq, ilike, lt, type SQL, sql } from "drizzle-orm";
import type { ListLeadFormsQuery } from "../../../shared/contracts/forms";
import type { Db } from "../../db/client";
import { type LeadFormRow, type LeadRow, leadForms, leads, workspaces } from "../../db/schema";
import { decodeIdCursor, decodeKeysetCursor, keysetAfter } from "../../lib/pagination";

/**
 * A page (limit + 1 rows) of a workspace's forms: newest first, by name A–Z, or most submissions
 * first (ties by id); optionally searched by name and filtered by status.
 */
export async function listFormRows(db: Db, workspaceId: string, q: ListLeadFormsQuery): Promise<LeadFormRow[]> {
  const conds: SQL[] = [eq(leadForms.workspaceId, workspaceId)];
  if (q.q) conds.push(ilike(leadForms.name, `%${q.q.replace(/[\\%_]/g, "\\$&")}%`));
  if (q.status) conds.push(eq(leadForms.enabled, q.status === "live"));
  if (q.cursor) {
    if (q.sort === "createdAt") conds.push(lt(leadForms.id, decodeIdCursor(q.cursor)));
    else {
      const [value, id] = decodeKeysetCursor(q.cursor);
      conds.push(q.sort === "name" ? keysetAfter(leadForms.name, leadForms.id, "asc", [value, id]) : keysetAfter(leadForms.submissionCount, leadForms.id, "desc", [Number(value), id]));
    }
  }
  const order = q.sort === "name" ? [asc(leadForms.name), asc(leadForms.id)] : q.sort === "submissions" ? [desc(leadForms.submissionCount), desc(leadForms.id)] : [desc(leadForms.id)];
  return db
    .select()
    .from(leadForms)
    .where(and(...conds))
    .orderBy(...order)
    .limit(q.limit + 1);
}

/** The cursor of a row in the list's sort. */
export function formCursor(row: LeadFormRow, sort: ListLeadFormsQuery["sort"]): string[] {
  if (sort === "name") return [row.name, row.id];
  if (sort === "submissions") return [String(row.submissionCount), row.id];
  return [row.id];
}

/** One form of the workspace. */
export async function findForm(db: Db, workspaceId: string, id: string): Promise<LeadFormRow | undefined> {
  const [row] = await db
    .select()
    .from(leadForms)
    .where(and(eq(leadForms.workspaceId, workspaceId), eq(leadForms.id, id)))
    .limit(1);
  return row;
}

/** A form by its public id, with its workspace's name and brand colour (public pages). */
export async function findFormByPublicId(db: Db, publicId: string): Promise<{ form: LeadFormRow; workspaceName: string; brandColor: string } | undefined> {
  const [row] = await db
    .select({ form: leadForms, workspaceName: workspaces.name, brandColor: workspaces.brandColor })
    .from(leadForms)
    .innerJoin(workspaces, eq(workspaces.id, leadForms.workspaceId))
    .where(eq(leadForms.publicId, publicId))
    .limit(1);
  return row;
}

export async function insertForm(db: Db, row: typeof leadForms.$inferInsert): Promise<LeadFormRow> {
  const [created] = await db.insert(leadForms).values(row).returning();
  return created!;
}

export async function updateForm(db: Db, workspaceId: string, id: string, patch: Partial<typeof leadForms.$inferInsert>): Promise<LeadFormRow | undefined> {
  const [row] = await db
    .update(leadForms)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(leadForms.workspaceId, workspaceId), eq(leadForms.id, id)))
    .returning();
  return row;
}

export async function deleteForm(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(leadForms).where(and(eq(leadForms.workspaceId, workspaceId), eq(leadForms.id, id)));
}

/** Counts one accepted submission. */
export async function countSubmission(db: Db, formId: string): Promise<void> {
  await db
    .update(leadForms)
    .set({ submissionCount: sql`${leadForms.submissionCount} + 1`, lastSubmittedAt: new Date() })
    .where(eq(leadForms.id, formId));
}

/**
 * Serialises submissions for one email in a workspace until the transaction ends, so two
 * simultaneous first submissions cannot both create a lead.
 */
export async function lockEmail(db: Db, workspaceId: string, email: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`lead-form:${workspaceId}:${email}`}, 0))`);
}

/** Serialises submissions without an email for one workspace + E.164 phone (same reason as `lockEmail`). */
export async function lockPhone(db: Db, workspaceId: string, phone: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`lead-form-phone:${workspaceId}:${phone}`}, 0))`);
}

/** The newest lead of the workspace with this E.164 phone (leads store phones normalised), locked for update. */
export async function findLeadByPhoneForUpdate(db: Db, workspaceId: string, phone: string): Promise<LeadRow | undefined> {
  const [row] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.phone, phone)))
    .orderBy(desc(leads.createdAt))
    .limit(1)
    .for("update");
  return row;
}

/** The newest lead of the workspace with this (lower-cased) email, locked for update. */
export async function findLeadByEmailForUpdate(db: Db, workspaceId: string, email: string): Promise<LeadRow | undefined> {
  const [row] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.email, email)))
    .orderBy(desc(leads.createdAt))
    .limit(1)
    .for("update");
  return row;
}

/** Fills the lead's empty fields, adds tags and consent, and touches its activity time. */
export async function updateLeadFromForm(db: Db, lead: LeadRow, patch: Partial<typeof leads.$inferInsert>): Promise<void> {
  const now = new Date();
  await db
    .update(leads)
    .set({ ...patch, lastActivityAt: now, updatedAt: now })
    .where(and(eq(leads.workspaceId, lead.workspaceId), eq(leads.id, lead.id)));
}
