import { CURRENCIES, type UpdateWorkspaceBody, type WorkspaceDto } from "../../../shared/contracts/workspace";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import { type Actor, can } from "../../auth/actor";
import type { WorkspaceRow } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { CacheKeys } from "../../lib/cache/cache-keys";
import { diffFields, recordAudit } from "../audit/audit.service";
import { findWorkspace, updateWorkspace } from "./workspace.repository";

/** Row → DTO with the actor's abilities. */
export function presentWorkspace(actor: Pick<Actor, "permissions">, ws: WorkspaceRow): WorkspaceDto {
  const currency = (CURRENCIES as readonly string[]).includes(ws.currency) ? (ws.currency as WorkspaceDto["currency"]) : "USD";
  return {
    id: ws.id,
    name: ws.name,
    timezone: ws.timezone,
    currency,
    brandColor: ws.brandColor,
    staffPipelineScope: ws.staffPipelineScope,
    abilities: { update: actor.permissions.has("workspace.update") },
  };
}

/** The workspace row through the cache (read on every /auth/me). */
export async function loadWorkspace(app: AppContext, workspaceId: string): Promise<WorkspaceRow> {
  const cached = await app.cache.getOrSet(CacheKeys.workspace(workspaceId), async () => {
    const row = await findWorkspace(app.database.db, workspaceId);
    return row ? { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() } : undefined;
  });
  if (!cached) throw errors.notFound("Workspace");
  return { ...cached, createdAt: new Date(cached.createdAt), updatedAt: new Date(cached.updatedAt) };
}

/** The actor's workspace settings. */
export async function getWorkspace(app: AppContext, actor: Actor): Promise<WorkspaceDto> {
  return presentWorkspace(actor, await loadWorkspace(app, actor.workspaceId));
}

/** Updates name, timezone, currency or brand colour. */
export async function updateWorkspaceSettings(app: AppContext, actor: Actor, body: UpdateWorkspaceBody): Promise<WorkspaceDto> {
  if (!can(actor, "workspace.update")) throw errors.forbidden();
  const row = await withTransaction(app.database.pool, async (tx) => {
    const before = await findWorkspace(tx.db, actor.workspaceId);
    if (!before) throw errors.notFound("Workspace");
    const changes = diffFields(before, body, ["name", "timezone", "currency", "brandColor", "staffPipelineScope"]);
    if (!changes) return before;
    const updated = await updateWorkspace(tx.db, actor.workspaceId, body);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "workspace.updated", entityType: "workspace", entityId: actor.workspaceId, changes });
    return updated;
  });
  await app.cache.delete(CacheKeys.workspace(actor.workspaceId));
  return presentWorkspace(actor, row);
}
