import { and, asc, desc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { ListContactsQuery } from "../../../shared/contracts/contacts";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { preparedStatement } from "../../db/prepared";
import { type ContactRow, clients, contacts, users } from "../../db/schema";
import { decodeKeysetCursor, keysetAfter } from "../../lib/pagination";
import { needsFullText, type SearchColumns, type SearchedPage, type SearchMode, searchCondition, searchedPage, searchPattern, searchShape } from "../../lib/text-search";
import { clientVisibility, clientVisibilityCondition } from "../clients/clients.visibility";
import {
  type CustomFieldFilter,
  type CustomFieldSort,
  customFieldConditions,
  customFieldParams,
  customFieldShape,
  customKeysetAfter,
  customSortExpr,
  decodeCustomCursor,
} from "../custom-fields/custom-fields.query";

type Viewer = Pick<Actor, "role" | "id" | "workspaceId">;

/** A contact without its search columns (no read needs them), with its client's name and portal login status. */
export type ContactWithClient = Omit<ContactRow, "search" | "searchText"> & { clientName: string; userStatus: "invited" | "active" | "deactivated" | null };
export type ListedContact = ContactWithClient & { cfSort: string | null };

/** Resolved custom field filters and sort of a list (validated against the definitions by the service). */
export interface ContactCustomFieldQuery {
  filters: CustomFieldFilter[];
  sort?: CustomFieldSort;
}

const { search: _search, searchText: _searchText, ...contactColumns } = getTableColumns(contacts);
const selection = { ...contactColumns, clientName: clients.name, userStatus: users.status };
/** The name sort key (matches the contacts_workspace_name_idx expression). */
const nameExpr = sql`(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`;
/** What the contacts list and the palette search (server/lib/text-search.ts). */
export const contactSearchColumns: SearchColumns = { text: contacts.searchText, name: sql`lower(${nameExpr})`, document: contacts.search, typo: [sql`lower(${nameExpr})`] };
const searchParams = { term: sql.placeholder("q"), pattern: sql.placeholder("qPattern") };
const SORTS = { name: nameExpr, createdAt: sql`date_trunc('milliseconds', ${contacts.createdAt})` } as const;

/** A contact whose client the actor may see. */
export async function findVisibleContact(db: Db, actor: Viewer, id: string, lock = false): Promise<ContactWithClient | undefined> {
  const q = db
    .select(selection)
    .from(contacts)
    .innerJoin(clients, eq(clients.id, contacts.clientId))
    .leftJoin(users, eq(users.id, contacts.userId))
    .where(and(clientVisibilityCondition(actor), eq(contacts.workspaceId, actor.workspaceId), eq(contacts.id, id)))
    .limit(1);
  const [row] = lock ? await q.for("update", { of: contacts }) : await q;
  return row;
}

/** The sort key of a row as stored in a cursor. */
export function contactSortValue(c: Pick<ContactRow, "firstName" | "lastName" | "createdAt"> & { cfSort?: string | null }, sort: ListContactsQuery["sort"]): string | null {
  if (sort === "custom") return c.cfSort ?? null;
  return sort === "name" ? `${c.firstName} ${c.lastName ?? ""}` : c.createdAt.toISOString();
}

/**
 * One keyset page (limit + 1 rows) of the contacts of clients the actor may see; a prepared statement
 * per shape. A search decides its mode on the first page (exact, typo when exact finds too few; see
 * server/lib/text-search.ts) and later pages take it from the cursor.
 */
export async function listVisibleContacts(db: Db, actor: Viewer, q: ListContactsQuery, cf: ContactCustomFieldQuery = { filters: [] }): Promise<SearchedPage<ListedContact>> {
  return searchedPage(q.q, q.cursor, q.limit + 1, (mode, cursor, n) => fetchContactsPage(db, actor, { ...q, cursor }, cf, mode, n));
}

async function fetchContactsPage(db: Db, actor: Viewer, q: ListContactsQuery, cf: ContactCustomFieldQuery, mode: SearchMode, fetchLimit: number): Promise<ListedContact[]> {
  const cfSort = q.sort === "custom" ? cf.sort : undefined;
  if (q.sort === "custom" && !cfSort) throw new Error("sort=custom needs a resolved custom sort");
  const isTime = q.sort === "createdAt";
  const [afterValue, afterId] = q.cursor ? (cfSort ? decodeCustomCursor(q.cursor, cfSort.numeric) : decodeKeysetCursor(q.cursor, isTime)) : [null, null];
  const cursorFlag = q.cursor ? (afterValue === null ? "n" : "c") : "";
  const shape = `contacts_list_${clientVisibility(actor)}_${q.sort}_${q.order}_${cursorFlag}${q.clientId ? "k" : ""}${q.q ? searchShape(q.q, mode) : ""}_${customFieldShape(cf.filters, cfSort)}`;
  const stmt = preparedStatement(db, shape, (name) => {
    const conds: SQL[] = [
      clientVisibilityCondition(actor, { workspaceId: sql`${sql.placeholder("workspaceId")}::uuid`, actorId: sql.placeholder("actorId") }),
      sql`${contacts.workspaceId} = ${sql.placeholder("workspaceId")}::uuid`,
    ];
    if (q.clientId) conds.push(sql`${contacts.clientId} = ${sql.placeholder("clientId")}::uuid`);
    if (q.q) conds.push(searchCondition(contactSearchColumns, mode, searchParams, needsFullText(q.q)));
    conds.push(...customFieldConditions(contacts.customFields, cf.filters));
    const sortExpr = cfSort ? customSortExpr(contacts.customFields, cfSort) : SORTS[q.sort as keyof typeof SORTS];
    if (q.cursor && cfSort) {
      conds.push(customKeysetAfter(sortExpr, contacts.id, q.order, afterValue === null, cfSort.numeric));
    } else if (q.cursor) {
      const after = isTime ? sql`${sql.placeholder("afterValue")}::timestamptz` : sql`${sql.placeholder("afterValue")}::text`;
      conds.push(keysetAfter(sortExpr, contacts.id, q.order, [after, sql`${sql.placeholder("afterId")}::uuid`]));
    }
    const dir = q.order === "asc" ? asc : desc;
    const first = cfSort ? sql`${sortExpr} ${sql.raw(q.order)} nulls last` : dir(sortExpr);
    return (
      db
        .select({ ...selection, cfSort: cfSort ? sql<string | null>`${sortExpr}::text` : sql<null>`null` })
        .from(contacts)
        .innerJoin(clients, eq(clients.id, contacts.clientId))
        .leftJoin(users, eq(users.id, contacts.userId))
        .where(and(...conds))
        .orderBy(first, dir(contacts.id))
        .limit(sql.placeholder("limit"))
        // A search's best plan depends on its term: an unnamed statement is planned with the actual values.
        .prepare(q.q ? "" : name)
    );
  });
  return stmt.execute({
    ...customFieldParams(cf.filters),
    workspaceId: actor.workspaceId,
    actorId: actor.id,
    clientId: q.clientId,
    q: q.q,
    qPattern: q.q ? searchPattern(q.q) : undefined,
    afterValue,
    afterId,
    limit: fetchLimit,
  }) as Promise<ListedContact[]>;
}

/** Contacts of one client (the portal user's own client), primary first. */
export async function listContactsOfClient(db: Db, workspaceId: string, clientId: string): Promise<Omit<ContactRow, "search" | "searchText">[]> {
  return db
    .select(contactColumns)
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.clientId, clientId)))
    .orderBy(desc(contacts.isPrimary), asc(nameExpr), asc(contacts.id))
    .limit(200);
}

/** Ids of a client's contacts. */
export async function contactIdsOfClient(db: Db, workspaceId: string, clientId: string): Promise<string[]> {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.clientId, clientId)));
  return rows.map((r) => r.id);
}

/** Inserts a contact. */
export async function insertContact(db: Db, row: typeof contacts.$inferInsert): Promise<ContactRow> {
  const [created] = await db.insert(contacts).values(row).returning();
  return created!;
}

/** Updates a workspace's contact. */
export async function updateContact(db: Db, workspaceId: string, id: string, patch: Partial<typeof contacts.$inferInsert>): Promise<void> {
  await db
    .update(contacts)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
}

/** Clears the primary flag of a client's other contacts. */
export async function clearPrimary(db: Db, workspaceId: string, clientId: string, exceptId: string): Promise<void> {
  await db
    .update(contacts)
    .set({ isPrimary: false })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.clientId, clientId), sql`${contacts.id} <> ${exceptId}`, eq(contacts.isPrimary, true)));
}

/** Deletes a workspace's contact. */
export async function deleteContact(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
}

/** The contacts among `ids` whose client the actor may see, locked for the rest of the transaction (id order, so concurrent bulks cannot deadlock). */
export async function findVisibleContactsForUpdate(db: Db, actor: Viewer, ids: string[]): Promise<ContactWithClient[]> {
  return db
    .select(selection)
    .from(contacts)
    .innerJoin(clients, eq(clients.id, contacts.clientId))
    .leftJoin(users, eq(users.id, contacts.userId))
    .where(and(clientVisibilityCondition(actor), eq(contacts.workspaceId, actor.workspaceId), inArray(contacts.id, ids)))
    .orderBy(asc(contacts.id))
    .for("update", { of: contacts });
}
