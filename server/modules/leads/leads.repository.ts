import { and, asc, desc, eq, getTableColumns, inArray, ne, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { ListLeadsQuery, LeadSortKey } from "../../../shared/contracts/leads";
import { AppError } from "../../../shared/errors";
import type { Db } from "../../db/client";
import { preparedStatement } from "../../db/prepared";
import { clients, type LeadRow, leads, users } from "../../db/schema";
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
import { OPEN_LEAD_STATUSES } from "../assignment-rules/assignment.engine";
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
import { leadVisibilityCondition, type PipelineViewer } from "./leads.visibility";

/** A lead the actor may see (undefined when missing, foreign, or outside their reach). */
export async function findVisibleLead(db: Db, actor: PipelineViewer, id: string, opts: { forUpdate?: boolean } = {}): Promise<LeadRow | undefined> {
  const query = db
    .select()
    .from(leads)
    .where(and(leadVisibilityCondition(actor), eq(leads.id, id)))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  return row;
}

/** Visible leads among `ids`, locked for update (bulk changes). */
export async function findVisibleLeadsForUpdate(db: Db, actor: PipelineViewer, ids: string[]): Promise<LeadRow[]> {
  return db
    .select()
    .from(leads)
    .where(and(leadVisibilityCondition(actor), inArray(leads.id, ids)))
    .orderBy(asc(leads.id))
    .for("update");
}

// Time sorts compare the full microsecond value (the cursor carries it as text), so the
// (workspace, created_at, id) indexes answer the first, filtered and deep pages alike.
const usText = (col: SQLWrapper) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const SORTS = { createdAt: leads.createdAt, updatedAt: leads.updatedAt, name: leads.name, score: leads.score } as const;

/** What the leads list and the palette search (server/lib/text-search.ts). */
export const leadSearchColumns: SearchColumns = { text: leads.searchText, name: sql`lower(${leads.name})`, document: leads.search, typo: [sql`lower(${leads.name})`, sql`lower(${leads.company})`] };
const searchParams = { term: sql.placeholder("q"), pattern: sql.placeholder("qPattern") };

const { search: _search, searchText: _searchText, ...leadColumns } = getTableColumns(leads);

export type ListedLead = LeadRow & { sortValue: string | null; cursorValues?: (string | null)[] };

/** The cursor values of a listed lead: its own (best match) or `[sort value, id]`. */
export const leadCursorValues = (l: ListedLead): (string | null)[] => l.cursorValues ?? [l.sortValue, l.id];

export function effectiveLeadSort(q: Pick<ListLeadsQuery, "sort" | "q">): LeadSortKey {
  return q.sort === "relevance" && !q.q ? "createdAt" : q.sort;
}

export interface LeadCustomFieldQuery {
  filters: CustomFieldFilter[];
  sort?: CustomFieldSort;
}

/**
 * One keyset page (limit + 1 rows) of the leads the actor may see, filtered and searched, through a
 * prepared statement per shape (reach, filters present, search mode, sort, order, cursor, custom
 * fields). A search decides its mode on the first page (exact, typo when exact finds too few; see
 * server/lib/text-search.ts) and later pages take it from the cursor.
 */
export async function listVisibleLeads(db: Db, actor: PipelineViewer, q: ListLeadsQuery, cf: LeadCustomFieldQuery = { filters: [] }): Promise<SearchedPage<ListedLead>> {
  const fetch = effectiveLeadSort(q) === "relevance" ? fetchLeadsByRelevance : fetchLeadsPage;
  return searchedPage(q.q, q.cursor, q.limit + 1, (mode, cursor, n) => fetch(db, actor, { ...q, cursor }, cf, mode, n));
}

/** The list's filters, search and reach as conditions over placeholders (`leadListValues`). */
function leadListConditions(actor: PipelineViewer, q: ListLeadsQuery, cf: LeadCustomFieldQuery, mode: SearchMode): SQL[] {
  const conds: SQL[] = [leadVisibilityCondition(actor, { workspaceId: sql`${sql.placeholder("workspaceId")}::uuid`, actorId: sql.placeholder("actorId") })];
  if (q.status) conds.push(sql`${leads.status} = ${sql.placeholder("status")}`);
  if (q.source) conds.push(sql`${leads.source} = ${sql.placeholder("source")}`);
  if (q.ownerId) conds.push(sql`${leads.ownerId} = ${sql.placeholder("ownerId")}::uuid`);
  if (q.unassigned) conds.push(sql`${leads.ownerId} is null`);
  if (q.tag) conds.push(sql`${leads.tags} @> array[${sql.placeholder("tag")}::text]`);
  if (q.q) conds.push(searchCondition(leadSearchColumns, mode, searchParams, needsFullText(q.q)));
  conds.push(...customFieldConditions(leads.customFields, cf.filters));
  return conds;
}

/** The placeholder values of `leadListConditions`. */
function leadListValues(actor: PipelineViewer, q: ListLeadsQuery, cf: LeadCustomFieldQuery) {
  return {
    ...customFieldParams(cf.filters),
    workspaceId: actor.workspaceId,
    actorId: actor.id,
    status: q.status,
    source: q.source,
    ownerId: q.ownerId,
    tag: q.tag,
    q: q.q,
    qPattern: q.q ? searchPattern(q.q) : undefined,
  };
}

/** The shape flags of `leadListConditions` (which filters are present, the search's shape). */
const leadListFlags = (q: ListLeadsQuery, mode: SearchMode) =>
  `${q.status ? "s" : ""}${q.source ? "r" : ""}${q.ownerId ? "o" : ""}${q.unassigned ? "u" : ""}${q.tag ? "t" : ""}${q.q ? searchShape(q.q, mode) : ""}`;

/**
 * The first page of "best match" in one statement: the newest `RELEVANCE_WINDOW` matches (an index
 * walk with a LIMIT for a common fragment, the trigram bitmap for a rare one), ranked, each row with
 * the window's oldest match (`windowAt`, `windowId`) and size (`windowSize`).
 */
async function fetchFirstRankedPage(db: Db, actor: PipelineViewer, q: ListLeadsQuery, cf: LeadCustomFieldQuery, mode: SearchMode, fetchLimit: number) {
  const shape = `leads_best_${actor.pipelineScope}_${leadListFlags(q, mode)}_${customFieldShape(cf.filters, undefined)}`;
  const stmt = preparedStatement(db, shape, () => {
    const rank = searchRelevance(leadSearchColumns, mode, searchParams.term);
    const candidates = db
      .select({ ...leadColumns, rank: sql<string>`${rank}`.as("rank"), at: usText(leads.createdAt).as("at") })
      .from(leads)
      .where(and(...leadListConditions(actor, q, cf, mode)))
      .orderBy(desc(leads.createdAt), desc(leads.id))
      .limit(RELEVANCE_WINDOW)
      .as("candidates");
    const fields = Object.fromEntries(Object.keys(leadColumns).map((k) => [k, candidates[k as keyof typeof leadColumns]])) as unknown as typeof leadColumns;
    const oldest = sql`over (order by ${candidates.createdAt} desc, ${candidates.id} desc rows between unbounded preceding and unbounded following)`;
    return db
      .select({
        ...fields,
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
  // The list's rows leave out the search columns, as every ListedLead does (see fetchLeadsPage's cast).
  return (await stmt.execute({ ...leadListValues(actor, q, cf), limit: fetchLimit })) as unknown as (ListedLead & WindowedRow)[];
}

/** A page of "best match" (`bestMatchPage` in text-search.ts) over the leads list's statements. */
async function fetchLeadsByRelevance(db: Db, actor: PipelineViewer, q: ListLeadsQuery, cf: LeadCustomFieldQuery, mode: SearchMode, fetchLimit: number): Promise<ListedLead[]> {
  return bestMatchPage<ListedLead>(q.cursor, fetchLimit, {
    first: (n) => fetchFirstRankedPage(db, actor, q, cf, mode, n),
    ranked: (after, window, n) => fetchLeadsPage(db, actor, { ...q, cursor: encodeCursor(after) }, cf, mode, n, window ?? undefined),
    newest: (after, n) => fetchLeadsPage(db, actor, { ...q, sort: "createdAt", order: "desc", cursor: encodeCursor(after) }, cf, mode, n),
  });
}

async function fetchLeadsPage(
  db: Db,
  actor: PipelineViewer,
  q: ListLeadsQuery,
  cf: LeadCustomFieldQuery,
  mode: SearchMode,
  fetchLimit: number,
  window?: KeysetPosition,
): Promise<ListedLead[]> {
  const sort = effectiveLeadSort(q);
  const order = sort === "relevance" ? "desc" : q.order;
  const cfSort = sort === "custom" ? cf.sort : undefined;
  if (sort === "custom" && !cfSort) throw new Error("sort=custom needs a resolved custom sort");
  const isTime = sort === "createdAt" || sort === "updatedAt";
  const [afterValue, afterId] = q.cursor ? (cfSort ? decodeCustomCursor(q.cursor, cfSort.numeric) : decodeKeysetCursor(q.cursor, isTime)) : [null, null];
  if (q.cursor && sort === "score" && !/^-?\d{1,9}$/.test(afterValue ?? "")) throw new AppError("invalid_cursor", undefined, { issues: [{ path: "query.cursor", message: "Invalid cursor" }] });
  const flags = `${q.cursor ? (afterValue === null ? "n" : "c") : ""}${window ? "w" : ""}${leadListFlags(q, mode)}`;
  const shape = `leads_list_${actor.pipelineScope}_${sort}_${order}_${flags}_${customFieldShape(cf.filters, cfSort)}`;
  const stmt = preparedStatement(db, shape, (name) => {
    const conds = leadListConditions(actor, q, cf, mode);
    if (window) conds.push(sql`(${leads.createdAt}, ${leads.id}) >= (${sql.placeholder("windowAt")}::timestamptz, ${sql.placeholder("windowId")}::uuid)`);
    const sortExpr = cfSort ? customSortExpr(leads.customFields, cfSort) : sort === "relevance" ? searchRelevance(leadSearchColumns, mode, searchParams.term) : SORTS[sort as keyof typeof SORTS];
    if (q.cursor && cfSort) {
      conds.push(customKeysetAfter(sortExpr, leads.id, order, afterValue === null, cfSort.numeric));
    } else if (q.cursor) {
      const cast = sort === "relevance" ? sql`::numeric` : isTime ? sql`::timestamptz` : sort === "score" ? sql`::int` : sql`::text`;
      conds.push(keysetAfter(sortExpr, leads.id, order, [sql`${sql.placeholder("afterValue")}${cast}`, sql`${sql.placeholder("afterId")}::uuid`]));
    }
    const dir = order === "asc" ? asc : desc;
    const first = cfSort ? sql`${sortExpr} ${sql.raw(order)} nulls last` : dir(sortExpr);
    const sortValue = cfSort ? sql<string | null>`${sortExpr}::text` : isTime ? usText(SORTS[sort as "createdAt" | "updatedAt"]) : sql<string>`${sortExpr}::text`;
    return (
      db
        .select({ ...leadColumns, sortValue })
        .from(leads)
        .where(and(...conds))
        .orderBy(first, dir(leads.id))
        .limit(sql.placeholder("limit"))
        // A search's best plan depends on its term (walk the sort index for a common fragment, the
        // trigram index for a rare one): an unnamed statement is planned with the actual values.
        .prepare(q.q ? "" : name)
    );
  });
  return stmt.execute({ ...leadListValues(actor, q, cf), afterValue, afterId, windowAt: window?.[0], windowId: window?.[1], limit: fetchLimit }) as Promise<ListedLead[]>;
}

/** Owner names and converted-client names of some leads (same workspace), for the presenter. */
export async function loadLeadDetails(db: Db, workspaceId: string, rows: LeadRow[]) {
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((x): x is string => !!x))];
  const clientIds = [...new Set(rows.map((r) => r.convertedClientId).filter((x): x is string => !!x))];
  const [ownerRows, clientRows] = await Promise.all([
    ownerIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ownerIds))) : Promise.resolve([]),
    clientIds.length ? db.select({ id: clients.id, name: clients.name }).from(clients).where(and(eq(clients.workspaceId, workspaceId), inArray(clients.id, clientIds))) : Promise.resolve([]),
  ]);
  return { owners: new Map(ownerRows.map((o) => [o.id, o.name])), clients: new Map(clientRows.map((c) => [c.id, c.name])) };
}
export type LeadDetails = Awaited<ReturnType<typeof loadLeadDetails>>;

/** Updates a workspace's lead; returns the new row. */
export async function updateLead(db: Db, workspaceId: string, id: string, patch: Partial<typeof leads.$inferInsert>): Promise<LeadRow | undefined> {
  const [row] = await db
    .update(leads)
    .set({ ...patch, updatedAt: new Date(), lastActivityAt: new Date() })
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, id)))
    .returning();
  return row;
}

/** Deletes a workspace's lead. */
export async function deleteLead(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(leads).where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, id)));
}

/** Open and new leads per owner among the leads the actor may see (null owner = unassigned), with the owner's name and role. */
export async function leadWorkload(db: Db, actor: PipelineViewer) {
  return db
    .select({
      ownerId: leads.ownerId,
      name: users.name,
      role: users.role,
      open: sql<number>`count(*) filter (where ${inArray(leads.status, [...OPEN_LEAD_STATUSES])})::int`,
      new: sql<number>`count(*) filter (where ${leads.status} = 'new')::int`,
    })
    .from(leads)
    .leftJoin(users, and(eq(users.id, leads.ownerId), eq(users.workspaceId, leads.workspaceId)))
    .where(and(leadVisibilityCondition(actor), ne(leads.status, "converted"), ne(leads.status, "unqualified")))
    .groupBy(leads.ownerId, users.name, users.role)
    .orderBy(desc(sql`count(*)`));
}

