import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DuplicateEntityType, RelatedCounts } from "../../../shared/contracts/duplicates";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { type ClientRow, type ContactRow, clients, contacts, duplicateDismissals } from "../../db/schema";
import { clientVisibilityCondition } from "../clients/clients.visibility";

type Viewer = Pick<Actor, "id" | "role" | "workspaceId" | "pipelineScope">;

/** The visible clients among `ids`, locked for update in id order. */
export async function lockVisibleClients(db: Db, actor: Viewer, ids: string[]): Promise<ClientRow[]> {
  return db.select().from(clients).where(and(clientVisibilityCondition(actor), inArray(clients.id, ids))).orderBy(asc(clients.id)).for("update");
}

/** The visible contacts among `ids` (their client visible), locked for update in id order. */
export async function lockVisibleContacts(db: Db, actor: Viewer, ids: string[]): Promise<ContactRow[]> {
  const rows = await db
    .select({ contact: contacts })
    .from(contacts)
    .innerJoin(clients, eq(clients.id, contacts.clientId))
    .where(and(clientVisibilityCondition(actor), eq(contacts.workspaceId, actor.workspaceId), inArray(contacts.id, ids)))
    .orderBy(asc(contacts.id))
    .for("update", { of: contacts });
  return rows.map((r) => r.contact);
}

/** Counts of the records that hang off one record and would move in a merge. */
export async function relatedCounts(db: Db, workspaceId: string, entityType: DuplicateEntityType, id: string): Promise<RelatedCounts> {
  const counts = {
    client: sql`select
      (select count(*) from activities where workspace_id = ${workspaceId} and entity_type = 'client' and entity_id = ${id})::int as activities,
      (select count(*) from deals where workspace_id = ${workspaceId} and client_id = ${id})::int as deals,
      (select count(*) from contacts where workspace_id = ${workspaceId} and client_id = ${id})::int as contacts,
      (select count(*) from leads where workspace_id = ${workspaceId} and converted_client_id = ${id})::int as "convertedLeads",
      (select count(*) from users where workspace_id = ${workspaceId} and client_id = ${id})::int as "portalUsers",
      (select count(*) from attachments where workspace_id = ${workspaceId} and entity_type = 'client' and entity_id = ${id})::int as attachments`,
    contact: sql`select
      (select count(*) from activities where workspace_id = ${workspaceId} and entity_type = 'contact' and entity_id = ${id})::int as activities,
      (select count(*) from deals where workspace_id = ${workspaceId} and contact_id = ${id})::int as deals,
      0 as contacts,
      (select count(*) from leads where workspace_id = ${workspaceId} and converted_contact_id = ${id})::int as "convertedLeads",
      (select count(*) from contacts where workspace_id = ${workspaceId} and id = ${id} and user_id is not null)::int as "portalUsers",
      0 as attachments`,
    lead: sql`select
      (select count(*) from activities where workspace_id = ${workspaceId} and entity_type = 'lead' and entity_id = ${id})::int as activities,
      (select count(*) from deals where workspace_id = ${workspaceId} and lead_id = ${id})::int as deals,
      0 as contacts, 0 as "convertedLeads", 0 as "portalUsers",
      (select count(*) from attachments where workspace_id = ${workspaceId} and entity_type = 'lead' and entity_id = ${id})::int as attachments`,
  }[entityType];
  const { rows } = await db.execute<RelatedCounts & Record<string, unknown>>(counts);
  return rows[0]!;
}

/** Runs one move statement and returns how many rows it changed. */
async function moved(db: Db, statement: SQL): Promise<number> {
  return (await db.execute(statement)).rowCount ?? 0;
}

/**
 * Moves a timeline from one record to another of the same type. The moved record's own "created"
 * entry keeps saying whom it was about (`meta.mergedFrom`), so the survivor's timeline does not
 * show two plain "Created" entries.
 */
export function moveActivities(db: Db, workspaceId: string, entityType: DuplicateEntityType, from: { id: string; name: string }, toId: string): Promise<number> {
  return moved(
    db,
    sql`update activities set entity_id = ${toId},
      meta = case when kind = 'created' then coalesce(meta, '{}'::jsonb) || jsonb_build_object('mergedFrom', jsonb_build_object('id', ${from.id}::text, 'name', ${from.name}::text)) else meta end
      where workspace_id = ${workspaceId} and entity_type = ${entityType} and entity_id = ${from.id}`,
  );
}

/** Moves a record's files to the survivor (contacts carry none). */
export function moveAttachments(db: Db, workspaceId: string, entityType: "client" | "lead", fromId: string, toId: string): Promise<number> {
  return moved(db, sql`update attachments set entity_id = ${toId} where workspace_id = ${workspaceId} and entity_type = ${entityType} and entity_id = ${fromId}`);
}

/** Moves everything that hangs off a client to the survivor (contacts, deals, converted leads, portal users, assignments). */
export async function moveClientRelations(db: Db, workspaceId: string, from: { id: string; name: string }, toId: string): Promise<RelatedCounts> {
  const fromId = from.id;
  // Moved contacts stay primary only when the survivor has no primary contact of its own.
  const contactsMoved = await moved(
    db,
    sql`update contacts set client_id = ${toId}, updated_at = now(),
      is_primary = is_primary and not exists (select 1 from contacts c2 where c2.client_id = ${toId} and c2.is_primary)
      where workspace_id = ${workspaceId} and client_id = ${fromId}`,
  );
  const dealsMoved = await moved(db, sql`update deals set client_id = ${toId}, updated_at = now() where workspace_id = ${workspaceId} and client_id = ${fromId}`);
  const leadsMoved = await moved(db, sql`update leads set converted_client_id = ${toId} where workspace_id = ${workspaceId} and converted_client_id = ${fromId}`);
  const usersMoved = await moved(db, sql`update users set client_id = ${toId} where workspace_id = ${workspaceId} and client_id = ${fromId}`);
  // Assignments: the union of both teams (the merged client's rows go with it on delete).
  await db.execute(sql`insert into client_assignments (workspace_id, client_id, user_id)
    select workspace_id, ${toId}, user_id from client_assignments where workspace_id = ${workspaceId} and client_id = ${fromId}
    on conflict do nothing`);
  const activitiesMoved = await moveActivities(db, workspaceId, "client", from, toId);
  const attachmentsMoved = await moveAttachments(db, workspaceId, "client", fromId, toId);
  return { activities: activitiesMoved, deals: dealsMoved, contacts: contactsMoved, convertedLeads: leadsMoved, portalUsers: usersMoved, attachments: attachmentsMoved };
}

/** Moves deals, converted leads and the timeline of a contact to the survivor (the portal login is the service's call). */
export async function moveContactRelations(db: Db, workspaceId: string, from: { id: string; name: string }, toId: string): Promise<Omit<RelatedCounts, "portalUsers">> {
  const fromId = from.id;
  const dealsMoved = await moved(db, sql`update deals set contact_id = ${toId}, updated_at = now() where workspace_id = ${workspaceId} and contact_id = ${fromId}`);
  const leadsMoved = await moved(db, sql`update leads set converted_contact_id = ${toId} where workspace_id = ${workspaceId} and converted_contact_id = ${fromId}`);
  const activitiesMoved = await moveActivities(db, workspaceId, "contact", from, toId);
  return { activities: activitiesMoved, deals: dealsMoved, contacts: 0, convertedLeads: leadsMoved, attachments: 0 };
}

/** Moves a lead's deals and timeline to the survivor. */
export async function moveLeadRelations(db: Db, workspaceId: string, from: { id: string; name: string }, toId: string): Promise<RelatedCounts> {
  const fromId = from.id;
  const dealsMoved = await moved(db, sql`update deals set lead_id = ${toId}, updated_at = now() where workspace_id = ${workspaceId} and lead_id = ${fromId}`);
  const activitiesMoved = await moveActivities(db, workspaceId, "lead", from, toId);
  const attachmentsMoved = await moveAttachments(db, workspaceId, "lead", fromId, toId);
  // The automation run log follows the lead (its lead_id has no foreign key).
  await db.execute(sql`update automation_runs set lead_id = ${toId} where workspace_id = ${workspaceId} and lead_id = ${fromId}`);
  return { activities: activitiesMoved, deals: dealsMoved, contacts: 0, convertedLeads: 0, portalUsers: 0, attachments: attachmentsMoved };
}

/** Records that a pair is not a duplicate (idempotent). */
export async function insertDismissal(db: Db, workspaceId: string, entityType: DuplicateEntityType, ids: [string, string], userId: string): Promise<void> {
  const [lowId, highId] = [...ids].sort() as [string, string];
  await db.insert(duplicateDismissals).values({ workspaceId, entityType, lowId, highId, dismissedBy: userId }).onConflictDoNothing();
}
