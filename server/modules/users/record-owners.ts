import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { OwnedRecord } from "../../../shared/constants/roles";
import { errors, type FieldIssue } from "../../../shared/errors";
import type { Db } from "../../db/client";
import { rolePermissions, users } from "../../db/schema";


const SINGULAR: Record<OwnedRecord, string> = { leads: "lead", deals: "deal" };

/**
 * The one rule for who may own a lead or a deal: an active member of the workspace whose role holds
 * `<record>.read` there (roles are edited per workspace, so the permission decides, not the role
 * name). Portal clients never hold it. Used by the owner checks, the rules engine and `canOwn` on
 * the users list, so pickers and the API agree.
 */
export function ownerCapableSql(record: OwnedRecord): SQL {
  return sql`${users.status} = 'active' and ${users.role} <> 'client' and exists (select 1 from ${rolePermissions} where ${rolePermissions.workspaceId} = ${users.workspaceId} and ${rolePermissions.role} = ${users.role} and ${rolePermissions.permission} = ${`${record}.read`})`;
}

/** Of the given users, those who may own `record` in the workspace. */
export async function findOwnerCapable(db: Db, workspaceId: string, record: OwnedRecord, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids), ownerCapableSql(record)));
}

/** Everyone in the workspace who may own `record` (the workload view lists them even with nothing open). */
export async function listOwnerCapable(db: Db, workspaceId: string, record: OwnedRecord): Promise<{ id: string; name: string; role: string }[]> {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), ownerCapableSql(record)))
    .orderBy(users.name, users.id);
}

/** Why each of `ids` that may not own `record` is refused, keyed by id (empty when all may). The message names the person. */
export async function ownerRefusals(db: Db, workspaceId: string, record: OwnedRecord, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const capable = new Set((await findOwnerCapable(db, workspaceId, record, unique)).map((u) => u.id));
  const refused = unique.filter((id) => !capable.has(id));
  if (!refused.length) return new Map();
  const known = await db
    .select({ id: users.id, name: users.name, role: users.role, status: users.status })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, refused)));
  const byId = new Map(known.map((u) => [u.id, u]));
  return new Map(
    refused.map((id) => {
      const u = byId.get(id);
      if (!u || u.role === "client") return [id, "Choose a team member of this workspace"];
      if (u.status !== "active") return [id, `${u.name} is ${u.status === "invited" ? "still invited" : "deactivated"}, so can't own a ${SINGULAR[record]}`];
      return [id, `${u.name} can't see ${record}, so can't own one`];
    }),
  );
}

/** A field issue per refused id: at `path` for a single-owner field, `path.<index>` for a list. */
export async function ownerIssues(db: Db, workspaceId: string, record: OwnedRecord, ids: string[], path: string, opts: { list?: boolean } = {}): Promise<FieldIssue[]> {
  const refused = await ownerRefusals(db, workspaceId, record, ids);
  return ids.flatMap((id, i) => {
    const message = refused.get(id);
    return message ? [{ path: opts.list ? `${path}.${i}` : path, message }] : [];
  });
}

/** 400 validation_failed unless every id may own `record` (see ownerCapableSql). */
export async function assertCanOwn(db: Db, workspaceId: string, record: OwnedRecord, ids: string[], path: string, opts: { list?: boolean } = {}): Promise<void> {
  const issues = await ownerIssues(db, workspaceId, record, ids, path, opts);
  if (issues.length) throw errors.validation(issues);
}
