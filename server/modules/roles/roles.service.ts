import { and, eq } from "drizzle-orm";
import type { RolePermissionsResponse } from "../../../shared/contracts/roles";
import { PERMISSIONS, PORTAL_PERMISSIONS, type Permission, ROLES, type Role } from "../../../shared/constants/roles";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import { type Actor, can } from "../../auth/actor";
import { invalidateRolePermissions, rolePermissionMap } from "../../auth/auth-user";
import { rolePermissions } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { recordAudit } from "../audit/audit.service";

// Admins always hold every staff permission (nobody can lock the workspace out); the portal role is fixed.
const FIXED_ROLES: readonly Role[] = ["admin", "client"];

/** The permission catalogue and each role's grants. */
export async function getRolePermissions(app: AppContext, actor: Actor): Promise<RolePermissionsResponse> {
  const map = await rolePermissionMap(app, actor.workspaceId);
  return {
    catalogue: Object.entries(PERMISSIONS).map(([key, description]) => ({ key, description, portalOnly: PORTAL_PERMISSIONS.includes(key as Permission) })),
    roles: ROLES.map((role) => ({ role, permissions: [...map[role]].sort(), editable: !FIXED_ROLES.includes(role) })),
    abilities: { manage: can(actor, "roles.manage") },
  };
}

/** Replaces a role's permissions (staff permissions only; admin and client are fixed). */
export async function setRolePermissions(app: AppContext, actor: Actor, role: Role, permissions: string[]): Promise<RolePermissionsResponse> {
  if (FIXED_ROLES.includes(role)) throw errors.invalidState(`The ${role} role's permissions are fixed.`);
  const wanted = [...new Set(permissions)] as Permission[];
  const portalOnly = wanted.filter((p) => PORTAL_PERMISSIONS.includes(p));
  if (portalOnly.length) {
    throw errors.validation([{ path: "body.permissions", message: `Portal permissions cannot be given to staff roles: ${portalOnly.join(", ")}` }]);
  }
  await withTransaction(app.database.pool, async (tx) => {
    const before = (await rolePermissionMap(app, actor.workspaceId))[role];
    await tx.db.delete(rolePermissions).where(and(eq(rolePermissions.workspaceId, actor.workspaceId), eq(rolePermissions.role, role)));
    if (wanted.length) await tx.db.insert(rolePermissions).values(wanted.map((permission) => ({ workspaceId: actor.workspaceId, role, permission })));
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "role.permissions_updated",
      entityType: "role",
      entityId: role,
      changes: { added: wanted.filter((p) => !before.includes(p)), removed: before.filter((p) => !wanted.includes(p)) },
    });
  });
  await invalidateRolePermissions(app, actor.workspaceId);
  return getRolePermissions(app, actor);
}
