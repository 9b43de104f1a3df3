import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { CurrencyTotals } from "../../../shared/contracts/deals";
import { BOARD_COLUMN_MAX } from "../../../shared/contracts/pipelines";
import type { Db } from "../../db/client";
import { rawPreparedStatement } from "../../db/prepared";
import { clients, deals, leads, pipelineStages, pipelines, users } from "../../db/schema";
import type { PipelineViewer } from "../leads/leads.visibility";
import { searchMatch, visibleWithPlaceholders } from "./deals.repository";
import { dealVisibilityCondition } from "./deals.visibility";

// The kanban board's and the forecast's reads (split from deals.repository.ts, which keeps the list).

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
});

/** A timestamp as the ISO text `Date#toISOString` gives (UTC, milliseconds truncated as a JS Date truncates them). */
const isoText = (column: AnyPgColumn) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One row of the board statement: a stage with its count and sums, and one of its cards (the card
 * columns are null for a stage without cards): the board card's fields only. Names, ISO timestamps, time in stage and rotting
 * come computed; rows come straight from node-postgres (see rawPreparedStatement).
 */
export interface BoardRow {
  stageId: string;
  stageName: string;
  stagePosition: number;
  stageProbability: number;
  /** Open visible deals of the stage (all of them, not only the cards). */
  count: number;
  /** Per currency, by currency code. */
  totals: CurrencyTotals[];
  id: string | null;
  title: string;
  clientId: string | null;
  clientName: string | null;
  leadId: string | null;
  leadName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  valueMinor: number;
  currency: string;
  expectedCloseDate: string | null;
  position: number;
  timeInStageSeconds: number;
  lastActivityAt: string;
  rotting: boolean;
  tags: string[];
}

/**
 * The board in one statement. Per stage of the pipeline (or the one stage asked for): its count and
 * per-currency sums (value, and value × probability) from one aggregate over the pipeline's open
 * visible deals, and a lateral walking deals_board_open_idx for the first `limit + 1` of them by
 * position (after the cursor) with the client, lead and owner names looked up per card,
 * timestamps as ISO text, and time in stage and rotting (the pipeline's rotting days) computed.
 * Visibility and the board's filters apply to both. Rows skip Drizzle's row mapping (it cost more
 * than the query), and names come from per-card lookups rather than joins, which keeps the plan
 * cheap to make and stable.
 */
export async function boardRows(db: Db, actor: PipelineViewer, p: BoardParams): Promise<BoardRow[]> {
  // The limit is part of the text (and the shape): with it as a parameter PostgreSQL never trusts a
  // generic plan and plans every execution again (~1 ms); the contract bounds it.
  if (!Number.isInteger(p.limit) || p.limit < 1 || p.limit > BOARD_COLUMN_MAX) throw new Error(`board limit out of range: ${p.limit}`);
  const shape = `deals_board_${actor.pipelineScope}_${boardFlags(p)}_${p.limit}`;
  const stmt = rawPreparedStatement<BoardRow>(db, shape, () => {
    const ws = sql`${sql.placeholder("workspaceId")}::uuid`;
    const filters = and(...boardFilters(actor, p));
    const after = p.after ? sql`and (${deals.position}, ${deals.id}) > (${sql.placeholder("afterPosition")}::float8, ${sql.placeholder("afterId")}::uuid)` : sql``;
    const onlyStage = (column: SQL | AnyPgColumn) => (p.stageId ? sql`and ${column} = ${sql.placeholder("stageId")}::uuid` : sql``);
    const name = (value: SQL | AnyPgColumn, table: typeof clients | typeof leads | typeof users, id: AnyPgColumn) =>
      sql`(select ${value} from ${table} where ${table.id} = ${id} and ${table.workspaceId} = ${ws})`;
    return sql`
      with sums as materialized (
        select ${deals.stageId} as stage_id, ${deals.currency} as currency, count(*) as n, sum(${deals.valueMinor})::numeric as value
        from ${deals}
        where ${filters} ${onlyStage(deals.stageId)}
        group by ${deals.stageId}, ${deals.currency}
      )
      select s.id as "stageId", s.name as "stageName", s.position as "stagePosition", s.probability as "stageProbability",
             coalesce(t.count, 0) as "count", coalesce(t.totals, '[]') as "totals", d.*
      from ${pipelineStages} s
      join ${pipelines} p on p.id = s.pipeline_id
      left join lateral (
        select sum(x.n)::int as count,
               json_agg(json_build_object('currency', x.currency, 'valueMinor', x.value, 'weightedMinor', round(x.value * s.probability / 100)) order by x.currency collate "C") as totals
        from sums x
        where x.stage_id = s.id
      ) t on true
      left join lateral (
        select ${deals.id} as "id", ${deals.title} as "title",
               ${deals.clientId} as "clientId", ${name(clients.name, clients, deals.clientId)} as "clientName",
               ${deals.leadId} as "leadId", ${name(leads.name, leads, deals.leadId)} as "leadName",
               ${deals.ownerId} as "ownerId", ${name(users.name, users, deals.ownerId)} as "ownerName",
               ${deals.valueMinor}::float8 as "valueMinor", ${deals.currency} as "currency", ${deals.expectedCloseDate}::text as "expectedCloseDate",
               ${deals.position} as "position",
               greatest(0, floor(extract(epoch from now() - ${deals.stageEnteredAt})))::int as "timeInStageSeconds", -- open deals: until now
               ${isoText(deals.lastActivityAt)} as "lastActivityAt",
               coalesce(${deals.lastActivityAt} < now() - make_interval(days => p.rotting_days), false) as "rotting", -- the list's rottingCondition
               ${deals.tags} as "tags"
        from ${deals}
        where ${filters} and ${deals.stageId} = s.id ${after}
        order by ${deals.position}, ${deals.id}
        limit ${sql.raw(String(p.limit + 1))}
      ) d on true
      where s.workspace_id = ${ws} and s.pipeline_id = ${sql.placeholder("pipelineId")}::uuid ${onlyStage(sql`s.id`)}
      order by s.position, s.id, d."position", d."id"`;
  });
  return stmt.execute(boardValues(actor, p));
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
