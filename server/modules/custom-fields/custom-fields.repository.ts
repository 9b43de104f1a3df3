import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { CustomFieldEntity } from "../../../shared/contracts/custom-fields";
import type { Db } from "../../db/client";
import { type CustomFieldDefinitionRow, clients, contacts, customFieldDefinitions, deals, leads } from "../../db/schema";

/** A workspace's definitions for one record type, in display order. */
export async function listDefinitionRows(
  db: Db,
  workspaceId: string,
  entityType: CustomFieldEntity,
  opts: { lockForShare?: boolean } = {},
): Promise<CustomFieldDefinitionRow[]> {
  const query = db
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.entityType, entityType)))
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.id));
  return opts.lockForShare ? query.for("share") : query;
}

/** One definition of a workspace. */
export async function findDefinition(db: Db, workspaceId: string, id: string): Promise<CustomFieldDefinitionRow | undefined> {
  const [row] = await db
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.id, id)))
    .limit(1);
  return row;
}

/** The next free position for a record type (new fields go last). */
export async function nextPosition(db: Db, workspaceId: string, entityType: CustomFieldEntity): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${customFieldDefinitions.position}) + 1, 0)::int` })
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.entityType, entityType)));
  return Math.min(row?.n ?? 0, 1000);
}

/** Inserts a definition; undefined when the key is taken (unique per workspace and record type). */
export async function insertDefinition(db: Db, row: typeof customFieldDefinitions.$inferInsert): Promise<CustomFieldDefinitionRow | undefined> {
  const [created] = await db.insert(customFieldDefinitions).values(row).onConflictDoNothing().returning();
  return created;
}

/** Updates a definition. */
export async function updateDefinition(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<Pick<CustomFieldDefinitionRow, "label" | "options" | "required" | "position">>,
): Promise<CustomFieldDefinitionRow | undefined> {
  const [row] = await db
    .update(customFieldDefinitions)
    .set(patch)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.id, id)))
    .returning();
  return row;
}

/** Deletes a definition. */
export async function deleteDefinition(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(customFieldDefinitions).where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.id, id)));
}

/** Removes one key from the values of every record of a type in a workspace; returns how many changed. */
export async function stripValues(db: Db, workspaceId: string, entityType: CustomFieldEntity, key: string): Promise<number> {
  const table = { client: clients, contact: contacts, lead: leads, deal: deals }[entityType];
  const where: SQL = sql`${table.workspaceId} = ${workspaceId} and ${table.customFields} ? ${key}`;
  const rows = await db
    .update(table)
    .set({ customFields: sql`${table.customFields} - ${key}::text` })
    .where(where)
    .returning({ id: table.id });
  return rows.length;
}
