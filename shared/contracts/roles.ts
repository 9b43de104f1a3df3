import { z } from "zod";
import { PERMISSION_KEYS, ROLES } from "../constants/roles";

const permissionKey = z.enum(PERMISSION_KEYS as [string, ...string[]]);

export const RolePermissionsResponse = z
  .object({
    catalogue: z.array(z.object({ key: z.string(), description: z.string(), portalOnly: z.boolean() })),
    roles: z.array(
      z.object({
        role: z.enum(ROLES),
        permissions: z.array(z.string()),
        editable: z.boolean().describe("Admin and client roles are fixed"),
      }),
    ),
    abilities: z.object({ manage: z.boolean() }),
  })
  .meta({ id: "RolePermissionsResponse" });
export type RolePermissionsResponse = z.infer<typeof RolePermissionsResponse>;

export const RoleParams = z.strictObject({ role: z.enum(ROLES) }).meta({ id: "RoleParams" });

export const UpdateRolePermissionsBody = z
  .strictObject({ permissions: z.array(permissionKey).max(PERMISSION_KEYS.length) })
  .meta({ id: "UpdateRolePermissionsBody" });
export type UpdateRolePermissionsBody = z.infer<typeof UpdateRolePermissionsBody>;
