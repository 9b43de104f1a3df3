import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../auth/actor";
import type { Db } from "../../../db/client";
import { leads } from "../../../db/schema";
import { leadVisibilityCondition } from "../../leads/leads.visibility";

export interface ExistingLead {
  id: string;
  email: string | null;
  phone: string | null;
  status: string;
  customFields: Record<string, unknown>;
}

/** Visible leads whose email, phone or email domain matches (one query for a batch; emails are stored lower-case). */
export async function matchLeads(db: Db, actor: Pick<Actor, "id" | "workspaceId" | "pipelineScope">, emails: string[], phones: string[], domains: string[]): Promise<ExistingLead[]> {
  if (!emails.length && !phones.length && !domains.length) return [];
  const conditions = [
    ...(emails.length ? [sql`${leads.email} = any(${sql.param(emails)}::text[])`] : []),
    ...(phones.length ? [sql`${leads.phone} = any(${sql.param(phones)}::text[])`] : []),
    ...(domains.length ? [sql`split_part(${leads.email}, '@', 2) = any(${sql.param(domains)}::text[])`] : []),
  ];
  return db
    .select({ id: leads.id, email: leads.email, phone: leads.phone, status: leads.status, customFields: leads.customFields })
    .from(leads)
    .where(and(leadVisibilityCondition(actor), sql`(${sql.join(conditions, sql` or `)})`))
    .orderBy(leads.id);
}

/** Updates a workspace's lead from an import row (the activity clock moves too). */
export async function updateLead(db: Db, workspaceId: string, id: string, patch: Partial<typeof leads.$inferInsert>): Promise<void> {
  const now = new Date();
  await db
    .update(leads)
    .set({ ...patch, updatedAt: now, lastActivityAt: now })
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, id)));
}
