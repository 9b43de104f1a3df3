import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rolePermissionDefaults, rolePermissions, type WorkspaceRow, workspaces } from "../../db/schema";

/** One workspace by id. */
export async function findWorkspace(db: Db, id: string): Promise<WorkspaceRow | undefined> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id)).limit(1);
  return row;
}

/** Creates a workspace and copies the default role permissions into it. */
export async function insertWorkspace(db: Db, row: typeof workspaces.$inferInsert): Promise<WorkspaceRow> {
  const [created] = await db.insert(workspaces).values(row).returning();
  const defaults = await db.select().from(rolePermissionDefaults);
  if (defaults.length) {
    await db.insert(rolePermissions).values(defaults.map((d) => ({ workspaceId: created!.id, role: d.role, permission: d.permission })));
  }
  return created!;
}

/** Updates a workspace's settings. */
export async function updateWorkspace(db: Db, id: string, patch: Partial<typeof workspaces.$inferInsert>): Promise<WorkspaceRow> {
  const [row] = await db
    .update(workspaces)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(workspaces.id, id))
    .returning();
  return row!;
}
