import type { Permission, PipelineScope, Role } from "../../shared/constants/roles";

/** The signed-in user as every service sees it (built per request from the cached auth lookup). */
export interface Actor {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  clientId: string | null;
  permissions: ReadonlySet<Permission>;
  /** Reach into leads and deals (role, and for staff the workspace setting); part of list statement shapes. */
  pipelineScope: PipelineScope;
  sessionId: string;
}

/** True when the actor holds the permission (portal clients never hold staff permissions). */
export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** True for agency staff (every role but the portal client). */
export function isStaff(actor: Pick<Actor, "role">): boolean {
  return actor.role !== "client";
}
