import {
  type CreateSavedViewBody,
  SAVED_VIEW_PAGING_KEYS,
  SAVED_VIEW_QUERY_SCHEMAS,
  type SavedViewDto,
  type SavedViewEntity,
  type SavedViewListResponse,
  type SavedViewQuery,
  type UpdateSavedViewBody,
} from "../../../shared/contracts/saved-views";
import { errors, type FieldIssue } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { withTransaction } from "../../db/transaction";
import { recordAudit } from "../audit/audit.service";
import { assertCanUseViews, canEditView } from "./saved-views.policy";
import { presentSavedView } from "./saved-views.presenter";
import { deleteView, findVisibleView, insertView, listVisibleViews, updateView } from "./saved-views.repository";

/** 400 unless `query` is a valid query of the entity's list (paging keys never stored). */
function assertValidQuery(entityType: SavedViewEntity, query: SavedViewQuery): void {
  const issues: FieldIssue[] = SAVED_VIEW_PAGING_KEYS.filter((k) => k in query).map((k) => ({ path: `body.query.${k}`, message: "A view does not store paging" }));
  const withoutPaging = Object.fromEntries(Object.entries(query).filter(([k]) => !SAVED_VIEW_PAGING_KEYS.includes(k)));
  const result = SAVED_VIEW_QUERY_SCHEMAS[entityType].safeParse(withoutPaging);
  if (!result.success) {
    for (const issue of result.error.issues) {
      // Unknown keys are reported once per key, under the key's own path.
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [null];
      for (const key of keys) issues.push({ path: ["body", "query", ...issue.path.map(String), ...(key ? [key] : [])].join("."), message: issue.message, code: issue.code });
    }
  }
  if (issues.length) throw errors.validation(issues);
}

/** A view the actor may see, or 404; `edit` also demands the right to change it (403). */
async function loadView(db: Parameters<typeof findVisibleView>[0], actor: Actor, id: string, edit: boolean) {
  const view = await findVisibleView(db, actor, id, { forUpdate: edit });
  if (!view) throw errors.notFound("Saved view");
  assertCanUseViews(actor, view.entityType);
  if (edit && !canEditView(actor, view)) {
    throw errors.forbidden(view.visibility === "personal" ? "Only its owner changes a personal view." : "Only its owner, an admin or a manager changes a shared view.");
  }
  return view;
}

/**
 * 409 already_exists on body.name when the owner already has a view of this list with the same name
 * (trimmed, any case): the views menu would show two identical entries. The unique index
 * saved_views_owner_name_uq is the guarantee (two concurrent saves); this check names the name.
 */
async function assertViewNameFree(db: Db, actor: Actor, entityType: SavedViewEntity, ownerId: string | null, name: string, exceptId?: string): Promise<void> {
  const rows = await listVisibleViews(db, actor, entityType);
  const key = name.trim().toLocaleLowerCase();
  if (rows.some((v) => v.id !== exceptId && v.ownerId === ownerId && v.name.trim().toLocaleLowerCase() === key)) {
    throw errors.taken("body.name", `There is already a view called “${name.trim()}”`);
  }
}

/** The actor's personal views and the workspace's shared views of one list. */
export async function listSavedViews(app: AppContext, actor: Actor, entityType: SavedViewEntity): Promise<SavedViewListResponse> {
  assertCanUseViews(actor, entityType);
  const rows = await listVisibleViews(app.database.db, actor, entityType);
  return { data: rows.map((r) => presentSavedView(actor, r)) };
}

/** Saves the current query (and columns) of a list as a view owned by the actor. */
export async function createSavedView(app: AppContext, actor: Actor, body: CreateSavedViewBody): Promise<SavedViewDto> {
  assertCanUseViews(actor, body.entityType);
  assertValidQuery(body.entityType, body.query);
  const row = await withTransaction(app.database.pool, async (tx) => {
    await assertViewNameFree(tx.db, actor, body.entityType, actor.id, body.name);
    const created = await insertView(tx.db, {
      workspaceId: actor.workspaceId,
      ownerId: actor.id,
      entityType: body.entityType,
      name: body.name,
      visibility: body.visibility,
      query: body.query,
      columns: body.columns ?? null,
    });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "saved_view.created", entityType: "saved_view", entityId: created.id, changes: { entityType: created.entityType, name: created.name, visibility: created.visibility } });
    return created;
  });
  return presentSavedView(actor, { ...row, ownerName: actor.name });
}

/** Renames, re-shares or re-saves a view (owner; shared views also admins and managers). */
export async function editSavedView(app: AppContext, actor: Actor, id: string, body: UpdateSavedViewBody): Promise<SavedViewDto> {
  await withTransaction(app.database.pool, async (tx) => {
    const before = await loadView(tx.db, actor, id, true);
    if (body.query) assertValidQuery(before.entityType, body.query);
    // Making someone else's shared view personal would hide it from everyone, its owner included.
    if (body.visibility === "personal" && before.ownerId !== actor.id) {
      throw errors.forbidden("Only its owner makes a shared view personal.");
    }
    if (body.name !== undefined) await assertViewNameFree(tx.db, actor, before.entityType, before.ownerId, body.name, id);
    await updateView(tx.db, actor.workspaceId, id, body);
    const changed = Object.keys(body).filter((k) => k !== "query" && k !== "columns");
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "saved_view.updated",
      entityType: "saved_view",
      entityId: id,
      changes: {
        ...Object.fromEntries(changed.map((k) => [k, { from: before[k as "name" | "visibility"], to: body[k as "name" | "visibility"] }])),
        ...(body.query ? { query: true } : {}),
        ...(body.columns !== undefined ? { columns: true } : {}),
      },
    });
  });
  const view = await findVisibleView(app.database.db, actor, id);
  if (!view) throw errors.notFound("Saved view");
  return presentSavedView(actor, view);
}

/** Deletes a view (same rule as editing). */
export async function removeSavedView(app: AppContext, actor: Actor, id: string): Promise<void> {
  await withTransaction(app.database.pool, async (tx) => {
    const view = await loadView(tx.db, actor, id, true);
    await deleteView(tx.db, actor.workspaceId, id);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "saved_view.deleted", entityType: "saved_view", entityId: id, changes: { entityType: view.entityType, name: view.name, visibility: view.visibility } });
  });
}
