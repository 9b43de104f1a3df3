import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { PERMISSION_KEYS, ROLES } from "../../../shared/constants/roles";
import { workspaces } from "./workspaces";

/** Role → permission grants per workspace, editable by admins; a new workspace copies the defaults. */
export const rolePermissions = pgTable(
  "role_permissions",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    permission: text("permission", { enum: PERMISSION_KEYS as [string, ...string[]] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.role, t.permission] })],
);

/** Defaults copied into each new workspace; seeded by migration, one row per grant. */
export const rolePermissionDefaults = pgTable(
  "role_permission_defaults",
  {
    role: text("role", { enum: ROLES }).notNull(),
    permission: text("permission").notNull(),
  },
  (t) => [primaryKey({ columns: [t.role, t.permission] })],
);
