import { and, asc, desc, eq, getTableColumns, ilike, or, type SQL, sql } from "drizzle-orm";
import type { ListUsersQuery } from "../../../shared/contracts/users";
import type { Role } from "../../../shared/constants/roles";
import type { Db } from "../../db/client";
import { clients, type UserRow, rolePermissions, users } from "../../db/schema";
import { preparedStatement } from "../../db/prepared";
import { decodeKeysetCursor, keysetAfter } from "../../lib/pagination";
import { ownerCapableSql } from "./record-owners";

export type UserWithClient = UserRow & { clientName: string | null };

const withClient = { user: users, clientName: clients.name };

function flatten(r: { user: UserRow; clientName: string | null }): UserWithClient {
  return { ...r.user, clientName: r.clientName };
}

/** A user by id regardless of workspace: only the auth layer uses this (ids come from the session). */
export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** A user by email, case-insensitively, through the unique lower(email) index. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return row;
}

/** A user of one workspace with its client's name. */
export async function findWorkspaceUser(db: Db, workspaceId: string, id: string): Promise<UserWithClient | undefined> {
  const [row] = await db
    .select(withClient)
    .from(users)
    .leftJoin(clients, eq(clients.id, users.clientId))
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)))
    .limit(1);
  return row ? flatten(row) : undefined;
}

// Timestamps are stored in microseconds but cursors carry milliseconds (a JS Date), so time sorts
// order and compare on the millisecond-truncated value; ties fall to the id.
const SORTS = {
  name: users.name,
  email: users.email,
  createdAt: sql`date_trunc('milliseconds', ${users.createdAt})`,
  lastLoginAt: sql`date_trunc('milliseconds', coalesce(${users.lastLoginAt}, 'epoch'::timestamptz))`,
} as const;

/** The sort key of a row as stored in a cursor. */
export function userSortValue(u: UserRow, sort: ListUsersQuery["sort"]): string {
  switch (sort) {
    case "name":
      return u.name;
    case "email":
      return u.email;
    case "createdAt":
      return u.createdAt.toISOString();
    case "lastLoginAt":
      return (u.lastLoginAt ?? new Date(0)).toISOString();
  }
}

/** One keyset page of a workspace's users (limit + 1 rows), through a prepared statement per shape. */
export async function listUsers(db: Db, workspaceId: string, q: ListUsersQuery): Promise<UserWithClient[]> {
  const shape = `users_list_${q.sort}_${q.order}_${q.cursor ? "c" : ""}${q.role ? "r" : ""}${q.status ? "s" : ""}${q.q ? "q" : ""}${q.canOwn ? `o${q.canOwn}` : ""}`;
  const stmt = preparedStatement(db, shape, (name) => {
    const conds: SQL[] = [eq(users.workspaceId, sql.placeholder("workspaceId"))];
    if (q.role) conds.push(sql`${users.role} = ${sql.placeholder("role")}`);
    if (q.status) conds.push(sql`${users.status} = ${sql.placeholder("status")}`);
    if (q.canOwn) conds.push(ownerCapableSql(q.canOwn));
    if (q.q) conds.push(or(ilike(users.name, sql.placeholder("pattern")), ilike(users.email, sql.placeholder("pattern")))!);
    const sortExpr = SORTS[q.sort];
    if (q.cursor) {
      const isTime = q.sort === "createdAt" || q.sort === "lastLoginAt";
      const after = isTime ? sql`${sql.placeholder("afterValue")}::timestamptz` : sql`${sql.placeholder("afterValue")}::text`;
      conds.push(keysetAfter(sortExpr, users.id, q.order, [after, sql`${sql.placeholder("afterId")}::uuid`]));
    }
    const dir = q.order === "asc" ? asc : desc;
    return db
      .select({ ...getTableColumns(users), clientName: clients.name })
      .from(users)
      .leftJoin(clients, eq(clients.id, users.clientId))
      .where(and(...conds))
      .orderBy(dir(sortExpr), dir(users.id))
      .limit(sql.placeholder("limit"))
      .prepare(name);
  });
  const [afterValue, afterId] = q.cursor ? decodeKeysetCursor(q.cursor, q.sort === "createdAt" || q.sort === "lastLoginAt") : [null, null];
  return stmt.execute({
    workspaceId,
    role: q.role,
    status: q.status,
    pattern: q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined,
    afterValue,
    afterId,
    limit: q.limit + 1,
  });
}

/** Inserts a user and returns the row. */
export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  return created!;
}

/** Updates a workspace's user; returns the new row, or undefined if it is not in the workspace. */
export async function updateUser(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<typeof users.$inferInsert>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)))
    .returning();
  return row;
}

/** Permission keys granted to a role in a workspace. */
export async function listRolePermissionRows(db: Db, workspaceId: string): Promise<{ role: Role; permission: string }[]> {
  return db
    .select({ role: rolePermissions.role, permission: rolePermissions.permission })
    .from(rolePermissions)
    .where(eq(rolePermissions.workspaceId, workspaceId));
}
