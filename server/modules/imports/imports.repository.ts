import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { ListImportsQuery } from "../../../shared/contracts/imports";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { activities, clients, contacts, type ImportRow, importFiles, importRejects, imports, users } from "../../db/schema";
import { decodeIdCursor } from "../../lib/pagination";
import { clientVisibilityCondition } from "../clients/clients.visibility";
import type { Reject } from "./import-rows";
import { SQL_URL_DOMAIN } from "./import-rows";

type Viewer = Pick<Actor, "role" | "id" | "workspaceId">;

/** Whether an actor sees every import of the workspace (admins, managers) or only their own. */
export function seesAllImports(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin" || actor.role === "manager";
}

function importVisibility(actor: Viewer): SQL {
  return seesAllImports(actor)
    ? sql`${imports.workspaceId} = ${actor.workspaceId}`
    : sql`(${imports.workspaceId} = ${actor.workspaceId} and ${imports.createdById} = ${actor.id})`;
}

export async function insertImport(db: Db, row: typeof imports.$inferInsert): Promise<ImportRow> {
  const [created] = await db.insert(imports).values(row).returning();
  return created!;
}

/** An import the actor may see (undefined otherwise), optionally locked for update. */
export async function findVisibleImport(db: Db, actor: Viewer, id: string, lock = false): Promise<ImportRow | undefined> {
  const q = db
    .select()
    .from(imports)
    .where(and(importVisibility(actor), eq(imports.id, id)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

/** An import by id (jobs), optionally locked for update. */
export async function findImport(db: Db, id: string, lock = false): Promise<ImportRow | undefined> {
  const q = db.select().from(imports).where(eq(imports.id, id)).limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function updateImport(db: Db, id: string, patch: Partial<typeof imports.$inferInsert>): Promise<ImportRow | undefined> {
  const [row] = await db
    .update(imports)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(imports.id, id))
    .returning();
  return row;
}

/** Advances the checkpoint and adds a batch's counts, in the batch's transaction. */
export async function advanceImport(db: Db, id: string, processed: number, add: { created: number; updated: number; skipped: number; rejected: number }): Promise<void> {
  await db
    .update(imports)
    .set({
      processed,
      created: sql`${imports.created} + ${add.created}`,
      updated: sql`${imports.updated} + ${add.updated}`,
      skipped: sql`${imports.skipped} + ${add.skipped}`,
      rejected: sql`${imports.rejected} + ${add.rejected}`,
      updatedAt: new Date(),
    })
    .where(eq(imports.id, id));
}

/** Drops a finished import's stored file (the rejects report keeps its own copy of the rejected rows). */
export async function deleteImportFile(db: Db, importId: string): Promise<void> {
  await db.delete(importFiles).where(eq(importFiles.importId, importId));
}

/** Imports the actor may see, newest first, keyset-paged. */
export async function listVisibleImports(db: Db, actor: Viewer, q: ListImportsQuery): Promise<ImportRow[]> {
  const conditions: SQL[] = [importVisibility(actor)];
  if (q.entityType) conditions.push(eq(imports.entityType, q.entityType));
  if (q.status) conditions.push(eq(imports.status, q.status));
  // UUIDv7 ids sort by creation time: newest first by id.
  if (q.cursor) conditions.push(sql`${imports.id} < ${decodeIdCursor(q.cursor)}::uuid`);
  return db
    .select()
    .from(imports)
    .where(and(...conditions))
    .orderBy(desc(imports.id))
    .limit(q.limit + 1);
}

/** Names of users by id (creators of imports). */
export async function userNamesById(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active staff of a workspace by lower-cased email (owner columns). */
export async function staffByEmail(db: Db, workspaceId: string, emails: string[]): Promise<Map<string, string>> {
  if (!emails.length) return new Map();
  const rows = await db
    .select({ id: users.id, email: sql<string>`lower(${users.email})` })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), sql`lower(${users.email}) = any(${sql.param(emails)}::text[])`, sql`${users.role} <> 'client'`, sql`${users.status} <> 'deactivated'`));
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Writes a batch's rejected rows (idempotent: a re-run batch writes the same rows once). */
export async function insertRejects(db: Db, importId: string, rejects: Reject[]): Promise<void> {
  if (!rejects.length) return;
  await db
    .insert(importRejects)
    .values(rejects.map((r) => ({ importId, rowNumber: r.row, raw: r.raw, errors: r.errors })))
    .onConflictDoNothing();
}

/** One page of rejected rows in row order (the report streams these). */
export async function rejectsAfter(db: Db, importId: string, afterRow: number, limit: number) {
  return db
    .select()
    .from(importRejects)
    .where(and(eq(importRejects.importId, importId), sql`${importRejects.rowNumber} > ${afterRow}`))
    .orderBy(importRejects.rowNumber)
    .limit(limit);
}

/** Automatic timeline entries for many records in one statement. */
export async function insertTimelineEntries(db: Db, rows: (typeof activities.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(activities).values(rows);
}

// ---- clients ----

export interface ExistingClient {
  id: string;
  domain: string | null;
  lname: string;
  customFields: Record<string, unknown>;
  address: Record<string, unknown>;
}

/** Visible clients whose website domain or name matches (one query for a batch). */
export async function matchClients(db: Db, actor: Viewer, domains: string[], names: string[]): Promise<ExistingClient[]> {
  if (!domains.length && !names.length) return [];
  const domainExpr = sql.raw(SQL_URL_DOMAIN(`"clients"."website"`));
  return db
    .select({ id: clients.id, domain: sql<string | null>`${domainExpr}`, lname: sql<string>`lower(${clients.name})`, customFields: clients.customFields, address: clients.address })
    .from(clients)
    .where(and(clientVisibilityCondition(actor), sql`(${domainExpr} = any(${sql.param(domains)}::text[]) or lower(${clients.name}) = any(${sql.param(names)}::text[]))`))
    .orderBy(clients.id);
}

/** Visible clients by id or lower-cased name (contacts' client column). */
export async function visibleClientsByRef(db: Db, actor: Viewer, ids: string[], names: string[]): Promise<{ id: string; lname: string }[]> {
  if (!ids.length && !names.length) return [];
  return db
    .select({ id: clients.id, lname: sql<string>`lower(${clients.name})` })
    .from(clients)
    .where(and(clientVisibilityCondition(actor), sql`(${clients.id} = any(${sql.param(ids)}::uuid[]) or lower(${clients.name}) = any(${sql.param(names)}::text[]))`));
}

// ---- contacts ----

export interface ExistingContact {
  id: string;
  email: string | null;
  phone: string | null;
  customFields: Record<string, unknown>;
}

/** Contacts of visible clients whose email or phone matches (one query for a batch). */
export async function matchContacts(db: Db, actor: Viewer, emails: string[], phones: string[]): Promise<ExistingContact[]> {
  if (!emails.length && !phones.length) return [];
  return db
    .select({ id: contacts.id, email: sql<string | null>`lower(${contacts.email})`, phone: contacts.phone, customFields: contacts.customFields })
    .from(contacts)
    .innerJoin(clients, eq(clients.id, contacts.clientId))
    .where(
      and(
        eq(contacts.workspaceId, actor.workspaceId),
        clientVisibilityCondition(actor),
        sql`(lower(${contacts.email}) = any(${sql.param(emails)}::text[]) or ${contacts.phone} = any(${sql.param(phones)}::text[]))`,
      ),
    )
    .orderBy(contacts.id);
}
