import { and, asc, desc, eq, getTableColumns, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { ListDealsQuery } from "../../../shared/contracts/deals";
import { AppError } from "../../../shared/errors";
import type { Db } from "../../db/client";
import { preparedStatement } from "../../db/prepared";
import { clients, contacts, type DealRow, type DealStageHistoryRow, dealStageHistory, deals, leads, pipelineStages, pipelines, users } from "../../db/schema";
import { decodeKeysetCursor, keysetAfter } from "../../lib/pagination";
import { needsFullText, type SearchColumns, type SearchedPage, type SearchMode, searchCondition, searchedPage, searchPattern, searchShape } from "../../lib/text-search";
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
import type { PipelineViewer } from "../leads/leads.visibility";
import { dealVisibilityCondition } from "./deals.visibility";

// Every column but the search document and text.
const { search: _search, searchText: _searchText, ...dealColumns } = getTableColumns(deals);

export const visibleWithPlaceholders = (actor: PipelineViewer) =>
  dealVisibilityCondition(actor, { workspaceId: sql`${sql.placeholder("workspaceId")}::uuid`, actorId: sql.placeholder("actorId") });

/** A deal the actor may see (undefined when missing, foreign or outside their reach); `lock` takes a row lock. */
export async function findVisibleDeal(db: Db, actor: PipelineViewer, id: string, lock = false): Promise<DealRow | undefined> {
  const q = db
    .select(dealColumns)
    .from(deals)
    .where(and(dealVisibilityCondition(actor), eq(deals.id, id)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row as DealRow | undefined;
}

/** Visible deals among `ids`, locked for update (bulk changes). */
export async function findVisibleDealsForUpdate(db: Db, actor: PipelineViewer, ids: string[]): Promise<DealRow[]> {
  const rows = await db
    .select(dealColumns)
    .from(deals)
    .where(and(dealVisibilityCondition(actor), inArray(deals.id, ids)))
    .orderBy(asc(deals.id))
    .for("update");
  return rows as DealRow[];
}

/** Inserts a deal. */
export async function insertDeal(db: Db, row: typeof deals.$inferInsert): Promise<DealRow> {
  const [created] = await db.insert(deals).values(row).returning(dealColumns);
  return created as DealRow;
}

/** Updates a workspace's deal (always marking it touched: rotting reads last_activity_at); returns the new row. */
export async function updateDeal(db: Db, workspaceId: string, id: string, patch: Partial<typeof deals.$inferInsert>): Promise<DealRow> {
  const [row] = await db
    .update(deals)
    .set({ ...patch, updatedAt: sql`now()`, lastActivityAt: sql`now()` })
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)))
    .returning(dealColumns);
  return row as DealRow;
}

/** Deletes a workspace's deal (its stage history cascades). */
export async function deleteDeal(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(deals).where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)));
}

/** Open deals of a stage column in board order (id and position only), excluding one deal. */
export async function columnOrder(db: Db, workspaceId: string, stageId: string, excludeId: string): Promise<{ id: string; position: number }[]> {
  return db
    .select({ id: deals.id, position: deals.position })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.stageId, stageId), eq(deals.status, "open"), sql`${deals.id} <> ${excludeId}`))
    .orderBy(asc(deals.position), asc(deals.id));
}

/** The position after the last deal of a stage column. */
export async function endOfColumn(db: Db, workspaceId: string, stageId: string): Promise<number> {
  const [row] = await db
    .select({ p: sql<number>`coalesce(max(${deals.position}), 0)::float8` })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.stageId, stageId)));
  return (row?.p ?? 0) + 1024;
}

/** Rewrites positions of a column 1024 apart (when fractional gaps run out). */
export async function spreadColumn(db: Db, workspaceId: string, orderedIds: string[]): Promise<void> {
  for (const [i, id] of orderedIds.entries()) {
    await db
      .update(deals)
      .set({ position: (i + 1) * 1024 })
      .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)));
  }
}

/** Opens a stage stay (the stage's name is kept on the row, so history survives the stage). */
export async function openStay(db: Db, row: { workspaceId: string; dealId: string; stageId: string; actorId: string | null }): Promise<void> {
  const stageName = sql`(select ${pipelineStages.name} from ${pipelineStages} where ${pipelineStages.id} = ${row.stageId})`;
  await db.insert(dealStageHistory).values({ ...row, stageName, enteredAt: sql`now()` });
}

/** Closes a deal's open stage stay. */
export async function closeOpenStay(db: Db, workspaceId: string, dealId: string): Promise<void> {
  await db
    .update(dealStageHistory)
    .set({ leftAt: sql`now()` })
    .where(and(eq(dealStageHistory.workspaceId, workspaceId), eq(dealStageHistory.dealId, dealId), isNull(dealStageHistory.leftAt)));
}

/** A deal's stage stays, oldest first, with the stage's current name (its snapshot once deleted) and actor names. */
export async function listStays(db: Db, workspaceId: string, dealId: string): Promise<(DealStageHistoryRow & { currentStageName: string | null; actorName: string | null })[]> {
  return db
    .select({ ...getTableColumns(dealStageHistory), currentStageName: pipelineStages.name, actorName: users.name })
    .from(dealStageHistory)
    .leftJoin(pipelineStages, eq(pipelineStages.id, dealStageHistory.stageId))
    .leftJoin(users, eq(users.id, dealStageHistory.actorId))
    .where(and(eq(dealStageHistory.workspaceId, workspaceId), eq(dealStageHistory.dealId, dealId)))
    .orderBy(asc(dealStageHistory.enteredAt), asc(dealStageHistory.id));
}

// Timestamps are stored in microseconds but cursors carry milliseconds (as in clients).
const SORTS = {
  createdAt: sql`date_trunc('milliseconds', ${deals.createdAt})`,
  updatedAt: sql`date_trunc('milliseconds', ${deals.updatedAt})`,
  title: deals.title,
  value: deals.valueMinor,
} as const;

/** What the deals list, the board and the palette search (server/lib/text-search.ts). */
export const dealSearchColumns: SearchColumns = { text: deals.searchText, name: sql`lower(${deals.title})`, document: deals.search, typo: [sql`lower(${deals.title})`] };
const searchParams = { term: sql.placeholder("q"), pattern: sql.placeholder("qPattern") };
/** Deals matching the `q` and `qPattern` placeholders (`searchParams`) in a search mode (server/lib/text-search.ts): title and tags. */
export const dealSearchCondition = (term: string, mode: SearchMode) => searchCondition(dealSearchColumns, mode, searchParams, needsFullText(term));
/** The placeholder values of `dealSearchCondition`. */
export const dealSearchValues = (term: string | undefined) => ({ q: term, qPattern: term ? searchPattern(term) : undefined });
/** Open, and untouched for longer than its pipeline's rotting days (never when those are null). */
export const rottingCondition = sql`(${deals.status} = 'open' and ${deals.lastActivityAt} < now() - (select make_interval(days => ${pipelines.rottingDays}) from ${pipelines} where ${pipelines.id} = ${deals.pipelineId}))`;
/** Close date as ISO text (sorts like the date; nulls last). */
const closeDateExpr = sql`(${deals.expectedCloseDate}::text)`;

export type ListedDeal = DealRow & { cfSort: string | null };

/** Resolved custom field filters and sort of a list. */
export interface DealCustomFieldQuery {
  filters: CustomFieldFilter[];
  sort?: CustomFieldSort;
}

/** The sort key of a row as stored in a cursor. */
export function dealSortValue(d: ListedDeal, sort: ListDealsQuery["sort"]): string | null {
  switch (sort) {
    case "custom":
      return d.cfSort ?? null;
    case "createdAt":
      return d.createdAt.toISOString();
    case "updatedAt":
      return d.updatedAt.toISOString();
    case "title":
      return d.title;
    case "value":
      return String(d.valueMinor);
    case "expectedCloseDate":
      return d.expectedCloseDate;
  }
}

/**
 * One keyset page of the deals the actor may see (limit + 1 rows), filtered and searched, through a
 * prepared statement per shape (visibility, filters present, search mode, sort, order, cursor). A
 * search decides its mode on the first page (exact, typo when exact finds too few; see
 * server/lib/text-search.ts) and later pages take it from the cursor.
 */
export async function listVisibleDeals(db: Db, actor: PipelineViewer, q: ListDealsQuery, cf: DealCustomFieldQuery = { filters: [] }): Promise<SearchedPage<ListedDeal>> {
  return searchedPage(q.q, q.cursor, q.limit + 1, (mode, cursor, n) => fetchDealsPage(db, actor, { ...q, cursor }, cf, mode, n));
}

async function fetchDealsPage(db: Db, actor: PipelineViewer, q: ListDealsQuery, cf: DealCustomFieldQuery, mode: SearchMode, fetchLimit: number): Promise<ListedDeal[]> {
  const sort = q.sort;
  const order = q.order;
  const cfSort = sort === "custom" ? cf.sort : undefined;
  if (sort === "custom" && !cfSort) throw new Error("sort=custom needs a resolved custom sort");
  // Custom and close-date sorts put rows without a value last (a null cursor value continues among them).
  const nullable = sort === "custom" || sort === "expectedCloseDate";
  const numeric = cfSort?.numeric ?? false;
  const isTime = sort === "createdAt" || sort === "updatedAt";
  const [afterValue, afterId] = q.cursor ? (nullable ? decodeCustomCursor(q.cursor, numeric) : decodeKeysetCursor(q.cursor, isTime)) : [null, null];
  if (sort === "value" && !/^\d+$/.test(afterValue ?? "0")) throw new AppError("invalid_cursor", undefined, { issues: [{ path: "query.cursor", message: "Invalid cursor" }] });
  const filterKeys = ["pipelineId", "stageId", "status", "ownerId", "clientId", "leadId", "tag", "rotting"] as const;
  const flags = `${q.cursor ? (afterValue === null ? "n" : "c") : ""}${filterKeys.filter((k) => q[k]).join(".")}${q.q ? `.${searchShape(q.q, mode)}` : ""}`;
  const shape = `deals_list_${actor.pipelineScope}_${sort}_${order}_${flags}_${customFieldShape(cf.filters, cfSort)}`;
  const stmt = preparedStatement(db, shape, (name) => {
    const conds: SQL[] = [visibleWithPlaceholders(actor)];
    if (q.pipelineId) conds.push(sql`${deals.pipelineId} = ${sql.placeholder("pipelineId")}::uuid`);
    if (q.stageId) conds.push(sql`${deals.stageId} = ${sql.placeholder("stageId")}::uuid`);
    if (q.status) conds.push(sql`${deals.status} = ${sql.placeholder("status")}`);
    if (q.ownerId) conds.push(sql`${deals.ownerId} = ${sql.placeholder("ownerId")}::uuid`);
    if (q.clientId) conds.push(sql`${deals.clientId} = ${sql.placeholder("clientId")}::uuid`);
    if (q.leadId) conds.push(sql`${deals.leadId} = ${sql.placeholder("leadId")}::uuid`);
    if (q.tag) conds.push(sql`${deals.tags} @> array[${sql.placeholder("tag")}::text]`);
    if (q.rotting) conds.push(rottingCondition);
    if (q.q) conds.push(dealSearchCondition(q.q, mode));
    conds.push(...customFieldConditions(deals.customFields, cf.filters));
    const sortExpr = cfSort ? customSortExpr(deals.customFields, cfSort) : sort === "expectedCloseDate" ? closeDateExpr : SORTS[sort as keyof typeof SORTS];
    if (q.cursor && nullable) {
      conds.push(customKeysetAfter(sortExpr, deals.id, order, afterValue === null, numeric));
    } else if (q.cursor) {
      const cast = sort === "value" ? sql`::bigint` : isTime ? sql`::timestamptz` : sql`::text`;
      conds.push(keysetAfter(sortExpr, deals.id, order, [sql`${sql.placeholder("afterValue")}${cast}`, sql`${sql.placeholder("afterId")}::uuid`]));
    }
    const dir = order === "asc" ? asc : desc;
    const first = nullable ? sql`${sortExpr} ${sql.raw(order)} nulls last` : dir(sortExpr);
    return (
      db
        .select({ ...dealColumns, cfSort: cfSort ? sql<string | null>`${sortExpr}::text` : sql<null>`null` })
        .from(deals)
        .where(and(...conds))
        .orderBy(first, dir(deals.id))
        .limit(sql.placeholder("limit"))
        // A search's best plan depends on its term: an unnamed statement is planned with the actual values.
        .prepare(q.q ? "" : name)
    );
  });
  return stmt.execute({
    ...customFieldParams(cf.filters),
    workspaceId: actor.workspaceId,
    actorId: actor.id,
    pipelineId: q.pipelineId,
    stageId: q.stageId,
    status: q.status,
    ownerId: q.ownerId,
    clientId: q.clientId,
    leadId: q.leadId,
    tag: q.tag,
    ...dealSearchValues(q.q),
    afterValue,
    afterId,
    limit: fetchLimit,
  }) as Promise<ListedDeal[]>;
}

/** Names of the pipelines, stages, clients, leads, contacts and owners some deals point at (one workspace). */
export async function loadDealDetails(
  db: Db,
  workspaceId: string,
  rows: DealRow[],
  opts: { concurrent?: boolean } = {},
) {
  const ids = <K extends keyof DealRow>(k: K) => [...new Set(rows.map((r) => r[k]).filter((x): x is NonNullable<DealRow[K]> => !!x))] as string[];
  const byIds = async <T extends { id: string }>(list: string[], load: (ids: string[]) => Promise<T[]>) => new Map((list.length ? await load(list) : []).map((r) => [r.id, r]));
  const pipelineIds = ids("pipelineId");
  const stageIds = ids("stageId");
  const loadPipelines = () =>
    byIds(pipelineIds, (l) =>
      db.select({ id: pipelines.id, name: pipelines.name, rottingDays: pipelines.rottingDays }).from(pipelines).where(and(eq(pipelines.workspaceId, workspaceId), inArray(pipelines.id, l))),
    );
  const loadStages = () =>
    byIds(stageIds, (l) =>
      db
        .select({ id: pipelineStages.id, name: pipelineStages.name, probability: pipelineStages.probability })
        .from(pipelineStages)
        .where(and(eq(pipelineStages.workspaceId, workspaceId), inArray(pipelineStages.id, l))),
    );
  // Client, lead, contact and owner names in ONE round trip (a union of four indexed id lookups).
  const loadNames = async () => {
    const wanted = { c: ids("clientId"), l: ids("leadId"), k: ids("contactId"), u: ids("ownerId") };
    const maps = { c: new Map<string, { id: string; name: string }>(), l: new Map<string, { id: string; name: string }>(), k: new Map<string, { id: string; name: string }>(), u: new Map<string, { id: string; name: string }>() };
    if (Object.values(wanted).every((l) => l.length === 0)) return maps;
    const arr = (l: string[]) => sql`${`{${l.join(",")}}`}::uuid[]`;
    const result = await db.execute<{ kind: keyof typeof maps; id: string; name: string }>(sql`
      select 'c' as kind, ${clients.id} as id, ${clients.name} as name from ${clients} where ${clients.workspaceId} = ${workspaceId} and ${clients.id} = any(${arr(wanted.c)})
      union all select 'l', ${leads.id}, ${leads.name} from ${leads} where ${leads.workspaceId} = ${workspaceId} and ${leads.id} = any(${arr(wanted.l)})
      union all select 'k', ${contacts.id}, trim(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, '')) from ${contacts} where ${contacts.workspaceId} = ${workspaceId} and ${contacts.id} = any(${arr(wanted.k)})
      union all select 'u', ${users.id}, ${users.name} from ${users} where ${users.workspaceId} = ${workspaceId} and ${users.id} = any(${arr(wanted.u)})`);
    for (const r of result.rows) maps[r.kind].set(r.id, { id: r.id, name: r.name });
    return maps;
  };
  // Concurrent only on the pool: a transaction's single connection takes one query at a time.
  const [pipelineMap, stageMap, names] = opts.concurrent
    ? await Promise.all([loadPipelines(), loadStages(), loadNames()])
    : [await loadPipelines(), await loadStages(), await loadNames()];
  return {
    pipelines: pipelineMap as Map<string, { id: string; name: string; rottingDays: number | null }>,
    stages: stageMap as Map<string, { id: string; name: string; probability: number }>,
    clients: names.c,
    leads: names.l,
    contacts: names.k,
    owners: names.u,
  };
}

export type DealDetails = Awaited<ReturnType<typeof loadDealDetails>>;

/** The owners of a lead and of a client of the workspace (null when missing or unowned). */
export async function findLinkOwners(db: Db, workspaceId: string, links: { leadId: string | null; clientId: string | null }): Promise<{ leadOwnerId: string | null; clientOwnerId: string | null }> {
  const [lead] = links.leadId ? await db.select({ ownerId: leads.ownerId }).from(leads).where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, links.leadId))) : [];
  const [client] = links.clientId ? await db.select({ ownerId: clients.ownerId }).from(clients).where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, links.clientId))) : [];
  return { leadOwnerId: lead?.ownerId ?? null, clientOwnerId: client?.ownerId ?? null };
}

