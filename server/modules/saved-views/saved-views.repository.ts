import { and, asc, eq, or, sql } from "drizzle-orm";
import type { SavedViewEntity } from "../../../shared/contracts/saved-views";
import type { Db } from "../../db/client";
import { type SavedViewRow, savedViews, users } from "../../db/schema";

export type SavedViewWithOwner = SavedViewRow & { ownerName: string | null };

type Viewer = { id: string; workspaceId: string };

const selection = { view: savedViews, ownerName: users.name };

/** "The actor may see this view": in their workspace, and theirs or shared. */
function visibleTo(actor: Viewer) {
  return and(eq(savedViews.workspaceId, actor.workspaceId), or(eq(savedViews.ownerId, actor.id), eq(savedViews.visibility, "shared")));
}

const flatten = (r: { view: SavedViewRow; ownerName: string | null }): SavedViewWithOwner => ({ ...r.view, ownerName: r.ownerName });

/** The actor's own views and the workspace's shared views of one list, personal first, then by name. */
export async function listVisibleViews(db: Db, actor: Viewer, entityType: SavedViewEntity): Promise<SavedViewWithOwner[]> {
  const rows = await db
    .select(selection)
    .from(savedViews)
    .leftJoin(users, eq(users.id, savedViews.ownerId))
    .where(and(visibleTo(actor), eq(savedViews.entityType, entityType)))
    .orderBy(sql`${savedViews.visibility} = 'shared'`, asc(sql`lower(${savedViews.name})`), asc(savedViews.id))
    .limit(200);
  return rows.map(flatten);
}

/** One view the actor may see (undefined when missing, another workspace's, or a colleague's personal view). */
export async function findVisibleView(db: Db, actor: Viewer, id: string, opts: { forUpdate?: boolean } = {}): Promise<SavedViewWithOwner | undefined> {
  const q = db
    .select(selection)
    .from(savedViews)
    .leftJoin(users, eq(users.id, savedViews.ownerId))
    .where(and(visibleTo(actor), eq(savedViews.id, id)))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for("update", { of: savedViews }) : await q;
  return row ? flatten(row) : undefined;
}

/** Inserts a view. */
export async function insertView(db: Db, row: typeof savedViews.$inferInsert): Promise<SavedViewRow> {
  const [created] = await db.insert(savedViews).values(row).returning();
  return created!;
}

/** Updates a workspace's view. */
export async function updateView(db: Db, workspaceId: string, id: string, patch: Partial<typeof savedViews.$inferInsert>): Promise<void> {
  await db
    .update(savedViews)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, id)));
}

/** Deletes a workspace's view. */
export async function deleteView(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(savedViews).where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, id)));
}
