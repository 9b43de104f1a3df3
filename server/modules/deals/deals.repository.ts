import { and, asc, desc, eq, getTableColumns, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { ListDealsQuery } from "../../../shared/contracts/deals";
import { AppError } from "../../../shared/errors";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { preparedStatement } from "../../db/prepared";
import { clients, contacts, type DealRow, type DealStageHistoryRow, dealStageHistory, deals, leads, pipelineStages, pipelines, users } from "../../db/schema";
import { decodeKeysetCursor, keysetAfter } from "../../lib/pagination";
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

// Every column but the search document.
const { search: _search, ...dealColumns } = getTableColumns(deals);

const visibleWithPlaceholders = (actor: PipelineViewer) =>
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

/** Opens a stage stay. */
export async function openStay(db: Db, row: { workspaceId: string; dealId: string; stageId: string; actorId: string | null }): Promise<void> {
  await db.insert(dealStageHistory).values({ ...row, enteredAt: sql`now()` });
}

/** Closes a deal's open stage stay. */
export async function closeOpenStay(db: Db, workspaceId: string, dealId: string): Promise<void> {
  await db
    .update(dealStageHistory)
    .set({ leftAt: sql`now()` })
    .where(and(eq(dealStageHistory.workspaceId, workspaceId), eq(dealStageHistory.dealId, dealId), isNull(dealStageHistory.leftAt)));
}

/** A deal's stage stays, oldest first, with stage and actor names. */
export async function listStays(db: Db, workspaceId: string, dealId: string): Promise<(DealStageHistoryRow & { stageName: string; actorName: string | null })[]> {
  return db
    .select({ ...getTableColumns(dealStageHistory), stageName: pipelineStages.name, actorName: users.name })
    .from(dealStageHistory)
    .innerJoin(pipelineStages, eq(pipelineStages.id, dealStageHistory.stageId))
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

const tsQuery = sql`websearch_to_tsquery('simple', ${sql.placeholder("q")})`;
const lowerQ = sql`lower(${sql.placeholder("q")}::text)`;
/** Full-text match on title and tags, or a typo-tolerant trigram match on the title. */
const searchMatch = sql`(${deals.search} @@ ${tsQuery} or lower(${deals.title}) % ${lowerQ} or ${lowerQ} <% lower(${deals.title}))`;
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
 * prepared statement per shape (visibility, filters present, sort, order, cursor).
 */
export async function listVisibleDeals(db: Db, actor: PipelineViewer, q: ListDealsQuery, cf: DealCustomFieldQuery = { filters: [] }): Promise<ListedDeal[]> {
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
  const filterKeys = ["pipelineId", "stageId", "status", "ownerId", "clientId", "leadId", "tag", "rotting", "q"] as const;
  const flags = `${q.cursor ? (afterValue === null ? "n" : "c") : ""}${filterKeys.filter((k) => q[k]).join(".")}`;
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
    if (q.q) conds.push(searchMatch);
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
    return db
      .select({ ...dealColumns, cfSort: cfSort ? sql<string | null>`${sortExpr}::text` : sql<null>`null` })
      .from(deals)
      .where(and(...conds))
      .orderBy(first, dir(deals.id))
      .limit(sql.placeholder("limit"))
      .prepare(name);
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
    q: q.q,
    afterValue,
    afterId,
    limit: q.limit + 1,
  }) as Promise<ListedDeal[]>;
}

/** Board filters (all optional) and paging of one board request. */
export interface BoardParams {
  pipelineId: string;
  ownerId?: string;
  tag?: string;
  q?: string;
  /** Only this column (load more). */
  stageId?: string;
  /** Keyset position within that column. */
  after?: [number, string];
  /** Deals per column (the statement fetches one more to tell whether there are more). */
  limit: number;
}

function boardFilters(actor: PipelineViewer, p: BoardParams): SQL[] {
  const conds: SQL[] = [visibleWithPlaceholders(actor), sql`${deals.pipelineId} = ${sql.placeholder("pipelineId")}::uuid`, sql`${deals.status} = 'open'`];
  if (p.ownerId) conds.push(sql`${deals.ownerId} = ${sql.placeholder("ownerId")}::uuid`);
  if (p.tag) conds.push(sql`${deals.tags} @> array[${sql.placeholder("tag")}::text]`);
  if (p.q) conds.push(searchMatch);
  return conds;
}

const boardFlags = (p: BoardParams) => `${p.ownerId ? "o" : ""}${p.tag ? "t" : ""}${p.q ? "q" : ""}${p.stageId ? "s" : ""}${p.after ? "c" : ""}`;
const boardValues = (actor: PipelineViewer, p: BoardParams) => ({
  workspaceId: actor.workspaceId,
  actorId: actor.id,
  pipelineId: p.pipelineId,
  ownerId: p.ownerId,
  tag: p.tag,
  q: p.q,
  stageId: p.stageId,
  afterPosition: p.after?.[0],
  afterId: p.after?.[1],
  limit: p.limit + 1,
});

/** A timestamp as the ISO text `Date#toISOString` gives (UTC, milliseconds truncated like a JS Date). */
const isoText = (col: AnyPgColumn) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One board card as the statement returns it: the deal, the names it points at, and its stage times. */
export interface BoardCardRow {
  stageId: string;
  id: string;
  title: string;
  clientId: string | null;
  clientName: string | null;
  leadId: string | null;
  leadName: string | null;
  contactId: string | null;
  contactName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  valueMinor: number;
  currency: string;
  expectedCloseDate: string | null;
  status: DealRow["status"];
  lostReason: string | null;
  closedAt: string | null;
  position: number;
  stageEnteredAt: string;
  timeInStageSeconds: number;
  lastActivityAt: string;
  rotting: boolean;
  tags: string[];
  customFields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/**
 * The first `limit + 1` open visible deals of every stage of a pipeline (or of one stage after a
 * cursor), by position, as cards: one statement, a lateral join per stage walking
 * deals_board_open_idx, with the client, lead, contact and owner names joined in, timestamps as ISO
 * text and time in stage and rotting (against the pipeline's rotting days) computed by PostgreSQL.
 */
export async function boardCards(db: Db, actor: PipelineViewer, p: BoardParams): Promise<BoardCardRow[]> {
  const shape = `deals_board_cards_${actor.pipelineScope}_${boardFlags(p)}`;
  const stmt = preparedStatement(db, shape, (name) => {
    const conds = [...boardFilters(actor, p), sql`${deals.stageId} = ${pipelineStages.id}`];
    if (p.after) conds.push(sql`(${deals.position}, ${deals.id}) > (${sql.placeholder("afterPosition")}::float8, ${sql.placeholder("afterId")}::uuid)`);
    const d = db
      .select({
        id: deals.id,
        title: deals.title,
        clientId: deals.clientId,
        leadId: deals.leadId,
        contactId: deals.contactId,
        ownerId: deals.ownerId,
        valueMinor: deals.valueMinor,
        currency: deals.currency,
        expectedCloseDate: deals.expectedCloseDate,
        status: deals.status,
        lostReason: deals.lostReason,
        position: deals.position,
        tags: deals.tags,
        customFields: deals.customFields,
        closedAt: sql<string | null>`${isoText(deals.closedAt)}`.as("closed_at_iso"), // null stays null
        stageEnteredAt: isoText(deals.stageEnteredAt).as("stage_entered_at_iso"),
        // Open deals only: time in stage runs until now.
        timeInStageSeconds: sql<number>`greatest(0, floor(extract(epoch from now() - ${deals.stageEnteredAt})))::int`.as("time_in_stage"),
        lastActivityAt: isoText(deals.lastActivityAt).as("last_activity_at_iso"),
        // The list's rotting rule (rottingCondition) against the pipeline joined once outside.
        rotting: sql<boolean>`coalesce(${deals.lastActivityAt} < now() - make_interval(days => ${pipelines.rottingDays}), false)`.as("rotting"),
        createdAt: isoText(deals.createdAt).as("created_at_iso"),
        updatedAt: isoText(deals.updatedAt).as("updated_at_iso"),
      })
      .from(deals)
      .where(and(...conds))
      .orderBy(asc(deals.position), asc(deals.id))
      .limit(sql.placeholder("limit"))
      .as("d");
    const ws = sql`${sql.placeholder("workspaceId")}::uuid`;
    const stageConds = [sql`${pipelineStages.workspaceId} = ${ws}`, sql`${pipelineStages.pipelineId} = ${sql.placeholder("pipelineId")}::uuid`];
    if (p.stageId) stageConds.push(sql`${pipelineStages.id} = ${sql.placeholder("stageId")}::uuid`);
    return db
      .select({
        stageId: pipelineStages.id,
        id: d.id,
        title: d.title,
        clientId: d.clientId,
        clientName: clients.name,
        leadId: d.leadId,
        leadName: leads.name,
        contactId: d.contactId,
        contactName: sql<string | null>`trim(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`,
        ownerId: d.ownerId,
        ownerName: users.name,
        valueMinor: d.valueMinor,
        currency: d.currency,
        expectedCloseDate: d.expectedCloseDate,
        status: d.status,
        lostReason: d.lostReason,
        closedAt: d.closedAt,
        position: d.position,
        stageEnteredAt: d.stageEnteredAt,
        timeInStageSeconds: d.timeInStageSeconds,
        lastActivityAt: d.lastActivityAt,
        rotting: d.rotting,
        tags: d.tags,
        customFields: d.customFields,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
      })
      .from(pipelineStages)
      .innerJoin(pipelines, eq(pipelines.id, pipelineStages.pipelineId))
      .innerJoinLateral(d, sql`true`)
      .leftJoin(clients, and(eq(clients.id, d.clientId), sql`${clients.workspaceId} = ${ws}`))
      .leftJoin(leads, and(eq(leads.id, d.leadId), sql`${leads.workspaceId} = ${ws}`))
      .leftJoin(contacts, and(eq(contacts.id, d.contactId), sql`${contacts.workspaceId} = ${ws}`))
      .leftJoin(users, and(eq(users.id, d.ownerId), sql`${users.workspaceId} = ${ws}`))
      .where(and(...stageConds))
      .orderBy(asc(pipelineStages.position), asc(d.position), asc(d.id))
      .prepare(name);
  });
  return stmt.execute(boardValues(actor, p)) as Promise<BoardCardRow[]>;
}

/**
 * Per stage and currency: open deals, their value and weighted value (with the board's filters).
 * Sums per stage first (an index-only scan of deals_board_open_idx when no tag or search filter
 * needs the rows), then weighs each sum by its stage's probability.
 */
export async function boardTotals(db: Db, actor: PipelineViewer, p: BoardParams): Promise<{ stageId: string; currency: string; n: number; value: string; weighted: string }[]> {
  const shape = `deals_board_totals_${actor.pipelineScope}_${boardFlags({ ...p, after: undefined })}`;
  const stmt = preparedStatement(db, shape, (name) => {
    const conds = boardFilters(actor, p);
    if (p.stageId) conds.push(sql`${deals.stageId} = ${sql.placeholder("stageId")}::uuid`);
    const sums = db
      .select({ stageId: deals.stageId, currency: deals.currency, n: sql<number>`count(*)::int`.as("n"), value: sql<string>`sum(${deals.valueMinor})`.as("value") })
      .from(deals)
      .where(and(...conds))
      .groupBy(deals.stageId, deals.currency)
      .as("sums");
    return db
      .select({
        stageId: sums.stageId,
        currency: sums.currency,
        n: sums.n,
        value: sql<string>`${sums.value}::text`,
        // sum(value) × p equals sum(value × p) in numeric: the same rounding as weighing row by row.
        weighted: sql<string>`round(${sums.value}::numeric * ${pipelineStages.probability} / 100)::text`,
      })
      .from(sums)
      .innerJoin(pipelineStages, eq(pipelineStages.id, sums.stageId))
      .prepare(name);
  });
  return stmt.execute(boardValues(actor, { ...p, after: undefined })) as Promise<{ stageId: string; currency: string; n: number; value: string; weighted: string }[]>;
}

/** Open visible deals summed by expected close month and currency (value and value × probability). */
export async function forecastRows(db: Db, actor: PipelineViewer, pipelineId?: string) {
  const month = sql<string | null>`to_char(${deals.expectedCloseDate}, 'YYYY-MM')`;
  return db
    .select({
      month,
      currency: deals.currency,
      n: sql<number>`count(*)::int`,
      value: sql<string>`sum(${deals.valueMinor})::text`,
      weighted: sql<string>`round(sum(${deals.valueMinor}::numeric * ${pipelineStages.probability}) / 100)::text`,
    })
    .from(deals)
    .innerJoin(pipelineStages, eq(pipelineStages.id, deals.stageId))
    .where(and(dealVisibilityCondition(actor), eq(deals.status, "open"), pipelineId ? eq(deals.pipelineId, pipelineId) : undefined))
    .groupBy(month, deals.currency)
    .orderBy(sql`1 asc nulls last`, asc(deals.currency));
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
