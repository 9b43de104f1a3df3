import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ROLES, USER_STATUSES } from "../../../shared/constants/roles";
import { clients } from "./clients";
import { idColumn, timestamps } from "./columns";
import { workspaces } from "./workspaces";

/** A person who signs in: agency staff or a portal client. Email is unique across the deployment. */
export const users = pgTable(
  "users",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: text("role", { enum: ROLES }).notNull(),
    status: text("status", { enum: USER_STATUSES }).notNull().default("invited"),
    clientId: uuid("client_id").references(() => clients.id, { onDelete: "restrict" }),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("users_email_lower_uq").on(sql`lower(${t.email})`),
    index("users_workspace_name_idx").on(t.workspaceId, t.name, t.id),
    index("users_workspace_email_idx").on(t.workspaceId, t.email, t.id),
    index("users_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("users_search_trgm_idx").using("gin", sql`(lower(${t.name} || ' ' || ${t.email})) gin_trgm_ops`),
    // A portal user must be bound to a client; staff must not be.
    check("users_client_binding_ck", sql`(${t.role} = 'client') = (${t.clientId} IS NOT NULL)`),
  ],
);

export type UserRow = typeof users.$inferSelect;
