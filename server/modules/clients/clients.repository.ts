import { and, asc, count, desc, eq, getTableColumns, inArray, ne, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { ListClientsQuery } from "../../../shared/contracts/clients";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { preparedStatement } from "../../db/prepared";
import { type ClientRow, clientAssignments, clients, contacts, users } from "../../db/schema";
import { AppError } from "../../../shared/errors";
import { decodeKeysetCursor, encodeCursor, keysetAfter } from "../../lib/pagination";
import {
  bestMatchPage,
  type KeysetPosition,
  needsFullText,
  RELEVANCE_WINDOW,
  type SearchColumns,
  type SearchedPage,
  type SearchMode,
  searchCondition,
  searchedPage,
  searchPattern,
  searchRelevance,
  searchShape,
  type WindowedRow,
} from "../../lib/text-search";
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
import { clientVisibility, clientVisibilityCondition } from "./clients.visibility";

type Viewer = Pick<Actor, "role" | "id" | "workspaceId">;

/** A client the actor may see (undefined when it is missing, in another workspace, or outside their visibility). */
export async function findVisibleClient(db: Db, actor: Viewer, id: string): Promise<ClientRow | undefined> {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(clientVisibilityCondition(actor), eq(clients.id, id)))
    .limit(1);
  return row;
}

/** Visible clients among `ids`, locked for update (bulk changes). */
export async function findVisibleClientsForUpdate(db: Db, actor: Viewer, ids: string[]): Promise<ClientRow[]> {
  return db
    .select()
    .from(clients)
    .where(and(clientVisibilityCondition(actor), inArray(clients.id, ids)))
    .orderBy(asc(clients.id))
    .for("update");
}

/** One client of a workspace, with no record-level rule (the portal user's own client, id checks). */
export async function findClient(db: Db, workspaceId: string, id: string): Promise<ClientRow | undefined> {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, id)))
    .limit(1);
  return row;
}

/** Number of clients the actor may see. */
export async function countVisibleClients(db: Db, actor: Viewer): Promise<number> {
  const [row] = await db.select({ n: count() }).from(clients).where(clientVisibilityCondition(actor));
  return row?.n ?? 0;
}

// Timestamps are stored in microseconds but cursors carry milliseconds, so time sorts order and
// compare on the millisecond-truncated value; ties fall to the id.
const SORTS = {
  name: clients.name,
  createdAt: sql`date_trunc('milliseconds', ${clients.createdAt})`,
  updatedAt: sql`date_trunc('milliseconds', ${clients.updatedAt})`,
} as const;

/** What the clients list and the palette search (server/lib/text-search.ts). */
export const clientSearchColumns: SearchColumns = { text: clients.searchText, name: sql`lower(${clients.name})`, document: clients.search, typo: [sql`lower(${clients.name})`] };
const searchParams = { term: sql.placeholder("q"), pattern: sql.placeholder("qPattern") };

// Every column but the search document and text (the list never needs them).
const { search: _search, searchText: _searchText, ...clientColumns } = getTableColumns(clients);

export type ClientSortKey = "name" | "createdAt" | "updatedAt" | "relevance" | "custom";

/** The effective sort: relevance needs a search term. */
export function effectiveSort(q: Pick<ListClientsQuery, "sort" | "q">): ClientSortKey {
  return q.sort === "relevance" && !q.q ? "name" : q.sort;
}

/** The sort key of a row as stored in a cursor. */
export function clientSortValue(c: ClientRow & { rank?: string | null; cfSort?: string | null }, sort: ClientSortKey): string | null {
  if (sort === "custom") return c.cfSort ?? null;
  if (sort === "name") return c.name;
  if (sort === "createdAt") return c.createdAt.toISOString();
  if (sort === "updatedAt") return c.updatedAt.toISOString();
  return String(c.rank ?? "0");
}

/** A listed client: its rank (best match) or custom sort value, and under best match its own cursor values. */
export type ListedClient = ClientRow & { rank: string | null; cfSort: string | null; sortValue?: string | null; cursorValues?: (string | null)[] };

/** The cursor values of a listed client: its own (best match) or `[sort value, id]`. */
export const clientCursorValues = (c: ListedClient, sort: ClientSortKey): (string | null)[] => c.cursorValues ?? [clientSortValue(c, sort), c.id];

/** Resolved custom field filters and sort of a list (validated against the definitions by the service). */
export interface ClientCustomFieldQuery {
  filters: CustomFieldFilter[];
  sort?: CustomFieldSort;
}

/**
 * One keyset page of the clients the actor may see (limit + 1 rows), filtered and searched, through
 * a prepared statement per shape (visibility, filters present, search mode, sort, order, cursor). A
 * search decides its mode on the first page (exact, typo when exact finds too few; see
 * server/lib/text-search.ts) and later pages take it from the cursor.
 */
export async function listVisibleClients(db: Db, actor: Viewer, q: ListClientsQuery, cf: ClientCustomFieldQuery = { filters: [] }): Promise<SearchedPage<ListedClient>> {
  const fetch = effectiveSort(q) === "relevance" ? fetchClientsByRelevance : fetchClientsPage;
  return searchedPage(q.q, q.cursor, q.limit + 1, (mode, cursor, n) => fetch(db, actor, { ...q, cursor }, cf, mode, n));
}

/** The list's filters, search and visibility as conditions over placeholders (`clientListValues`). */
function clientListConditions(actor: Viewer, q: ListClientsQuery, cf: ClientCustomFieldQuery, mode: SearchMode): SQL[] {
  const conds: SQL[] = [clientVisibilityCondition(actor, { workspaceId: sql`${sql.placeholder("workspaceId")}::uuid`, actorId: sql.placeholder("actorId") })];
  if (q.status) conds.push(sql`${clients.status} = ${sql.placeholder("status")}`);
  if (q.ownerId) conds.push(sql`${clients.ownerId} = ${sql.placeholder("ownerId")}::uuid`);
  if (q.assigneeId) {
    conds.push(
      sql`exists (select 1 from ${clientAssignments} where ${clientAssignments.clientId} = ${clients.id} and ${clientAssignments.userId} = ${sql.placeholder("assigneeId")}::uuid)`,
    );
  }
  if (q.tag) conds.push(sql`${clients.tags} @> array[${sql.placeholder("tag")}::text]`);
  if (q.q) conds.push(searchCondition(clientSearchColumns, mode, searchParams, needsFullText(q.q)));
  conds.push(...customFieldConditions(clients.customFields, cf.filters));
  return conds;
}

/** The placeholder values of `clientListConditions`. */
function clientListValues(actor: Viewer, q: ListClientsQuery, cf: ClientCustomFieldQuery) {
  return {
    ...customFieldParams(cf.filters),
    workspaceId: actor.workspaceId,
    actorId: actor.id,
    status: q.status,
    ownerId: q.ownerId,
    assigneeId: q.assigneeId,
    tag: q.tag,
    q: q.q,
    qPattern: q.q ? searchPattern(q.q) : undefined,
  };
}

/** The shape flags of `clientListConditions`. */
const clientListFlags = (q: ListClientsQuery, mode: SearchMode) => `${q.status ? "s" : ""}${q.ownerId ? "o" : ""}${q.assigneeId ? "a" : ""}${q.tag ? "t" : ""}${q.q ? searchShape(q.q, mode) : ""}`;

/** A client's creation time as microsecond ISO text (the best-match window's keyset). */
const usText = (col: SQLWrapper) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Best match's first page in one statement: the newest `RELEVANCE_WINDOW` matches ranked, with the window's oldest match and size. */
async function fetchFirstRankedClients(db: Db, actor: Viewer, q: ListClientsQuery, cf: ClientCustomFieldQuery, mode: SearchMode, fetchLimit: number) {
  const shape = `clients_best_${clientVisibility(actor)}_${clientListFlags(q, mode)}_${customFieldShape(cf.filters, undefined)}`;
  const stmt = preparedStatement(db, shape, () => {
    const rank = searchRelevance(clientSearchColumns, mode, searchParams.term);
    const candidates = db
      .select({ ...clientColumns, rank: sql<string>`${rank}`.as("rank"), at: usText(clients.createdAt).as("at") })
      .from(clients)
      .where(and(...clientListConditions(actor, q, cf, mode)))
      .orderBy(desc(clients.createdAt), desc(clients.id))
      .limit(RELEVANCE_WINDOW)
      .as("candidates");
    const fields = Object.fromEntries(Object.keys(clientColumns).map((k) => [k, candidates[k as keyof typeof clientColumns]])) as unknown as typeof clientColumns;
    const oldest = sql`over (order by ${candidates.createdAt} desc, ${candidates.id} desc rows between unbounded preceding and unbounded following)`;
    return db
      .select({
        ...fields,
        rank: sql<string>`${candidates.rank}::text`,
        cfSort: sql<null>`null`,
        sortValue: sql<string>`${candidates.rank}::text`,
        windowAt: sql<string>`last_value(${candidates.at}) ${oldest}`,
        windowId: sql<string>`last_value(${candidates.id}) ${oldest}`,
        windowSize: sql<number>`(count(*) over ())::int`,
      })
      .from(candidates)
      .orderBy(desc(candidates.rank), desc(candidates.id))
      .limit(sql.placeholder("limit"))
      .prepare("");
  });
  // The list's rows leave out the search columns, as every ListedClient does (see fetchClientsPage's cast).
  return (await stmt.execute({ ...clientListValues(actor, q, cf), limit: fetchLimit })) as unknown as (ListedClient & WindowedRow)[];
}

/** Matches created before `after` (`[createdAt as microsecond text, id]`), newest first: best match past its window. */
async function fetchClientsNewest(db: Db, actor: Viewer, q: ListClientsQuery, cf: ClientCustomFieldQuery, mode: SearchMode, after: KeysetPosition, fetchLimit: number): Promise<ListedClient[]> {
  const shape = `clients_newest_${clientVisibility(actor)}_${clientListFlags(q, mode)}_${customFieldShape(cf.filters, undefined)}`;
  const stmt = preparedStatement(db, shape, () =>
    db
      .select({ ...clientColumns, rank: sql<null>`null`, cfSort: sql<null>`null`, sortValue: usText(clients.createdAt) })
      .from(clients)
      .where(and(...clientListConditions(actor, q, cf, mode), sql`(${clients.createdAt}, ${clients.id}) < (${sql.placeholder("afterAt")}::timestamptz, ${sql.placeholder("afterId")}::uuid)`))
      .orderBy(desc(clients.createdAt), desc(clients.id))
      .limit(sql.placeholder("limit"))
      .prepare(""),
  );
  return stmt.execute({ ...clientListValues(actor, q, cf), afterAt: after[0], afterId: after[1], limit: fetchLimit }) as Promise<ListedClient[]>;
}

/** A page of "best match" (`bestMatchPage` in text-search.ts) over the clients list's statements. */
async function fetchClientsByRelevance(db: Db, actor: Viewer, q: ListClientsQuery, cf: ClientCustomFieldQuery, mode: SearchMode, fetchLimit: number): Promise<ListedClient[]> {
  const withSortValue = (rows: ListedClient[]) => rows.map((c) => ({ ...c, sortValue: c.sortValue ?? c.rank }));
  return bestMatchPage<ListedClient>(q.cursor, fetchLimit, {
    first: (n) => fetchFirstRankedClients(db, actor, q, cf, mode, n),
    ranked: async (after, window, n) => withSortValue(await fetchClientsPage(db, actor, { ...q, cursor: encodeCursor(after) }, cf, mode, n, window ?? undefined)),
    newest: (after, n) => fetchClientsNewest(db, actor, q, cf, mode, after, n),
  });
}

async function fetchClientsPage(
  db: Db,
  actor: Viewer,
  q: ListClientsQuery,
  cf: ClientCustomFieldQuery,
  mode: SearchMode,
  fetchLimit: number,
  window?: KeysetPosition,
): Promise<ListedClient[]> {
  const sort = effectiveSort(q);
  const order = sort === "relevance" ? "desc" : q.order;
  const cfSort = sort === "custom" ? cf.sort : undefined;
  if (sort === "custom" && !cfSort) throw new Error("sort=custom needs a resolved custom sort");
  const [afterValue, afterId] = q.cursor ? (cfSort ? decodeCustomCursor(q.cursor, cfSort.numeric) : decodeKeysetCursor(q.cursor, sort === "createdAt" || sort === "updatedAt")) : [null, null];
  if (q.cursor && sort === "relevance" && !/^\d{1,3}(\.\d{1,6})?$/.test(afterValue ?? "")) throw new AppError("invalid_cursor", undefined, { issues: [{ path: "query.cursor", message: "Invalid cursor" }] });
  const flags = `${q.cursor ? (afterValue === null ? "n" : "c") : ""}${window ? "w" : ""}${clientListFlags(q, mode)}`;
  const shape = `clients_list_${clientVisibility(actor)}_${sort}_${order}_${flags}_${customFieldShape(cf.filters, cfSort)}`;
  const isTime = sort === "createdAt" || sort === "updatedAt";
  const stmt = preparedStatement(db, shape, (name) => {
    const conds = clientListConditions(actor, q, cf, mode);
    if (window) conds.push(sql`(${clients.createdAt}, ${clients.id}) >= (${sql.placeholder("windowAt")}::timestamptz, ${sql.placeholder("windowId")}::uuid)`);
    const relevance = searchRelevance(clientSearchColumns, mode, searchParams.term);
    const sortExpr = cfSort ? customSortExpr(clients.customFields, cfSort) : sort === "relevance" ? relevance : SORTS[sort as keyof typeof SORTS];
    if (q.cursor && cfSort) {
      conds.push(customKeysetAfter(sortExpr, clients.id, order, afterValue === null, cfSort.numeric));
    } else if (q.cursor) {
      const cast = sort === "relevance" ? sql`::numeric` : isTime ? sql`::timestamptz` : sql`::text`;
      conds.push(keysetAfter(sortExpr, clients.id, order, [sql`${sql.placeholder("afterValue")}${cast}`, sql`${sql.placeholder("afterId")}::uuid`]));
    }
    const dir = order === "asc" ? asc : desc;
    const first = cfSort ? sql`${sortExpr} ${sql.raw(order)} nulls last` : dir(sortExpr);
    return (
      db
        .select({
          ...clientColumns,
          rank: sort === "relevance" ? sql<string>`${relevance}::text` : sql<null>`null`,
          cfSort: cfSort ? sql<string | null>`${sortExpr}::text` : sql<null>`null`,
        })
        .from(clients)
        .where(and(...conds))
        .orderBy(first, dir(clients.id))
        .limit(sql.placeholder("limit"))
        // A search's best plan depends on its term (walk the sort index for a common fragment, the
        // trigram index for a rare one): an unnamed statement is planned with the actual values.
        .prepare(q.q ? "" : name)
    );
  });
  return stmt.execute({ ...clientListValues(actor, q, cf), afterValue, afterId, windowAt: window?.[0], windowId: window?.[1], limit: fetchLimit }) as Promise<ListedClient[]>;
}

/** Owner names, assignees and contact counts of some clients (same workspace), for the presenter. */
export async function loadClientDetails(db: Db, workspaceId: string, rows: ClientRow[]) {
  const ids = rows.map((r) => r.id);
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((x): x is string => !!x))];
  if (ids.length === 0) return { owners: new Map<string, string>(), assignees: new Map<string, { id: string; name: string }[]>(), contactCounts: new Map<string, number>() };
  const [ownerRows, assigneeRows, countRows] = await Promise.all([
    ownerIds.length
      ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ownerIds)))
      : Promise.resolve([]),
    db
      .select({ clientId: clientAssignments.clientId, id: users.id, name: users.name })
      .from(clientAssignments)
      .innerJoin(users, eq(users.id, clientAssignments.userId))
      .where(and(eq(clientAssignments.workspaceId, workspaceId), inArray(clientAssignments.clientId, ids)))
      .orderBy(asc(users.name), asc(users.id)),
    db
      .select({ clientId: contacts.clientId, n: count() })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.clientId, ids)))
      .groupBy(contacts.clientId),
  ]);
  const assignees = new Map<string, { id: string; name: string }[]>();
  for (const a of assigneeRows) assignees.set(a.clientId, [...(assignees.get(a.clientId) ?? []), { id: a.id, name: a.name }]);
  return {
    owners: new Map(ownerRows.map((o) => [o.id, o.name])),
    assignees,
    contactCounts: new Map(countRows.map((c) => [c.clientId, c.n])),
  };
}

export type ClientDetails = Awaited<ReturnType<typeof loadClientDetails>>;

/** Inserts a client. */
export async function insertClient(db: Db, row: typeof clients.$inferInsert): Promise<ClientRow> {
  const [created] = await db.insert(clients).values(row).returning();
  return created!;
}

/** Updates a workspace's client; returns the new row. */
export async function updateClient(db: Db, workspaceId: string, id: string, patch: Partial<typeof clients.$inferInsert>): Promise<ClientRow | undefined> {
  const [row] = await db
    .update(clients)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, id)))
    .returning();
  return row;
}

/** Deletes a workspace's client (contacts and assignments cascade). */
export async function deleteClient(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(clients).where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, id)));
}

/** Replaces a client's assignees. */
export async function replaceAssignees(db: Db, workspaceId: string, clientId: string, userIds: string[]): Promise<void> {
  await db.delete(clientAssignments).where(and(eq(clientAssignments.workspaceId, workspaceId), eq(clientAssignments.clientId, clientId)));
  if (userIds.length) await db.insert(clientAssignments).values(userIds.map((userId) => ({ workspaceId, clientId, userId })));
}

/** Adds assignees (ignoring ones already there). */
export async function addAssignees(db: Db, workspaceId: string, clientId: string, userIds: string[]): Promise<void> {
  if (userIds.length) await db.insert(clientAssignments).values(userIds.map((userId) => ({ workspaceId, clientId, userId }))).onConflictDoNothing();
}

/** Ids of the client's assignees. */
export async function assigneeIds(db: Db, workspaceId: string, clientId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: clientAssignments.userId })
    .from(clientAssignments)
    .where(and(eq(clientAssignments.workspaceId, workspaceId), eq(clientAssignments.clientId, clientId)));
  return rows.map((r) => r.userId);
}

/** Ids among `clientIds` that still have a portal user bound to them. */
export async function clientsWithPortalUsers(db: Db, workspaceId: string, clientIds: string[]): Promise<Set<string>> {
  if (!clientIds.length) return new Set();
  const rows = await db
    .selectDistinct({ clientId: users.clientId })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.clientId, clientIds)));
  return new Set(rows.map((r) => r.clientId!));
}

/** Staff users (not portal clients, not deactivated) of the workspace among `ids`. */
export async function findStaffUsers(db: Db, workspaceId: string, ids: string[]): Promise<{ id: string; name: string; email: string }[]> {
  if (!ids.length) return [];
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids), ne(users.role, "client"), ne(users.status, "deactivated")));
}
