import { RoleParams, RolePermissionsResponse, UpdateRolePermissionsBody } from "../../../shared/contracts/roles";
import { defineRoute } from "../../http/define-route";
import { getRolePermissions, setRolePermissions } from "./roles.service";

const tags = ["Roles"];

export const rolesRoutes = [
  defineRoute({
    method: "get",
    path: "/roles",
    summary: "List roles, the permission catalogue and each role's grants",
    tags,
    access: { kind: "staff", permission: "users.read" },
    responses: { 200: RolePermissionsResponse },
    handler: ({ app, actor }) => getRolePermissions(app, actor),
  }),
  defineRoute({
    method: "put",
    path: "/roles/:role/permissions",
    summary: "Replace a role's permissions",
    tags,
    access: { kind: "staff", permission: "roles.manage" },
    request: { params: RoleParams, body: UpdateRolePermissionsBody },
    responses: { 200: RolePermissionsResponse },
    handler: ({ app, actor, input }) => setRolePermissions(app, actor, input.params.role, input.body.permissions),
  }),
];
