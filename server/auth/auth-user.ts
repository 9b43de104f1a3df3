import { PORTAL_PERMISSIONS, type Permission, type PipelineScope, pipelineScopeOf, type Role, ROLES } from "../../shared/constants/roles";
import type { AppContext } from "../app-context";
import { CacheKeys } from "../lib/cache/cache-keys";
import { findUserById, listRolePermissionRows } from "../modules/users/users.repository";
import { loadWorkspace } from "../modules/workspace/workspace.service";

/** The cached per-request view of a user (no secrets). */
export interface AuthUser {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  status: "invited" | "active" | "deactivated";
  clientId: string | null;
  permissions: Permission[];
  pipelineScope: PipelineScope;
}

type RolePermissionMap = Record<Role, Permission[]>;

/** Role → permissions of a workspace, through the cache. */
export async function rolePermissionMap(app: AppContext, workspaceId: string): Promise<RolePermissionMap> {
  return app.cache.getOrSet(CacheKeys.rolePermissions(workspaceId), async () => {
    const map = Object.fromEntries(ROLES.map((r) => [r, [] as Permission[]])) as RolePermissionMap;
    for (const row of await listRolePermissionRows(app.database.db, workspaceId)) map[row.role].push(row.permission as Permission);
    return map;
  });
}

/**
 * Loads the signed-in user for a request through the cache (invalidated on every change to the user
 * or to role permissions), so role changes and deactivation take effect on the next request.
 */
export async function loadAuthUser(app: AppContext, id: string): Promise<AuthUser | null> {
  const user = await app.cache.getOrSet(CacheKeys.authUser(id), async () => {
    const row = await findUserById(app.database.db, id);
    if (!row) return null;
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      email: row.email,
      name: row.name,
      role: row.role,
      status: row.status,
      clientId: row.clientId,
    };
  });
  if (!user) return null;
  const [map, workspace] = await Promise.all([rolePermissionMap(app, user.workspaceId), loadWorkspace(app, user.workspaceId)]);
  // Belt and braces: portal clients hold only portal permissions, staff never hold them.
  const granted = map[user.role] ?? [];
  const permissions = user.role === "client" ? granted.filter((p) => PORTAL_PERMISSIONS.includes(p)) : granted.filter((p) => !PORTAL_PERMISSIONS.includes(p));
  return { ...user, permissions, pipelineScope: pipelineScopeOf(user.role, workspace.staffPipelineScope) };
}

/** Drops a user's cached auth view (call after any change to the user). */
export async function invalidateAuthUser(app: AppContext, id: string): Promise<void> {
  await app.cache.delete(CacheKeys.authUser(id));
}

/** Drops a workspace's cached role permissions. */
export async function invalidateRolePermissions(app: AppContext, workspaceId: string): Promise<void> {
  await app.cache.delete(CacheKeys.rolePermissions(workspaceId));
}
