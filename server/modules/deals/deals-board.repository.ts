import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { BOARD_COLUMN_MAX } from "../../../shared/contracts/pipelines";
import type { Db } from "../../db/client";
import { rawPreparedStatement } from "../../db/prepared";
import { clients, dealStageTotals, deals, leads, pipelineStages, pipelines, users } from "../../db/schema";
import type { PipelineViewer } from "../leads/leads.visibility";
import { type SearchMode, searchShape } from "../../lib/text-search";
import { dealSearchCondition, dealSearchValues, visibleWithPlaceholders } from "./deals.repository";
import { dealVisibilityCondition } from "./deals.visibility";

// The kanban board's and the forecast's reads (split from deals.repository.ts, which keeps the list).

/** Board filters (all optional) and paging of one board request. */
export interface BoardParams {
  pipelineId: string;
  ownerId?: string;
  tag?: string;
  q?: string;
  /** The search's mode (server/lib/text-search.ts), decided on the first request and carried in column cursors. */
  searchMode: SearchMode;
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
  if (p.q) conds.push(dealSearchCondition(p.q, p.searchMode));
  return conds;
}

const boardFlags = (p: BoardParams) => `${p.ownerId ? "o" : ""}${p.tag ? "t" : ""}${p.q ? searchShape(p.q, p.searchMode) : ""}${p.stageId ? "s" : ""}${p.after ? "c" : ""}`;
const boardValues = (actor: PipelineViewer, p: BoardParams) => ({
  workspaceId: actor.workspaceId,
  actorId: actor.id,
  pipelineId: p.pipelineId,
  ownerId: p.ownerId,
  tag: p.tag,
  ...dealSearchValues(p.q),
  stageId: p.stageId,
  afterPosition: p.after?.[0],
  afterId: p.after?.[1],
});

/** A timestamp as the ISO text `Date#toISOString` gives (UTC, milliseconds truncated as a JS Date truncates them). */
const isoText = (column: AnyPgColumn) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One row of the board statement per stage: the stage, its count and sums, and its cards as JSON
 * text built by PostgreSQL in the `BoardCardDto` shape (rows come straight from node-postgres, see
 * rawPreparedStatement; the JSON columns are cast to text so nothing parses them on the way through).
 */
export interface BoardStageRow {
  stageId: string;
  stageName: string;
  stagePosition: number;
  stageProbability: number;
  /** Open visible deals of the stage (all of them, not only the cards). */
  count: number;
  /** JSON text: `CurrencyTotals[]`, by currency code. */
  totals: string;
  /** JSON text: `BoardCardDto[]`, the first `limit` cards by position. */
  cards: string;
  /** Whether the stage has more cards after them. */
  hasMore: boolean;
  /** The last card's keyset position, when the stage has more. */
  lastPosition: number | null;
  lastId: string | null;
}

/** Whether the board's counts and sums can come from `deal_stage_totals`: every deal visible, no filter. */
export const usesStageTotals = (actor: PipelineViewer, p: BoardParams) => actor.pipelineScope === "all" && !p.ownerId && !p.tag && !p.q;

/**
 * The board in one statement, one row per stage of the pipeline (or the one stage asked for): its
 * count and per-currency sums (value, and value × probability) from `deal_stage_totals` (see
 * `usesStageTotals`) or one aggregate over the pipeline's open visible deals, and a lateral walking deals_board_open_idx for the first
 * `limit + 1` of them by position (after the cursor), each turned into its card's JSON, with the
 * client, lead and owner names looked up per card, time in stage and rotting (the pipeline's
 * rotting days) computed. Visibility and the board's filters apply to both. The cards leave
 * PostgreSQL as JSON text and go into the response as they are: parsing ~100 rows and encoding
 * them again cost the app more than the query (the API test holds the text to `BoardCardDto`).
 */
export async function boardRows(db: Db, actor: PipelineViewer, p: BoardParams): Promise<BoardStageRow[]> {
  // The limit is part of the text (and the shape): with it as a parameter PostgreSQL never trusts a
  // generic plan and plans every execution again (~1 ms); the contract bounds it.
  if (!Number.isInteger(p.limit) || p.limit < 1 || p.limit > BOARD_COLUMN_MAX) throw new Error(`board limit out of range: ${p.limit}`);
  const shape = `deals_board_${actor.pipelineScope}_${boardFlags(p)}_${p.limit}`;
  const stmt = rawPreparedStatement<BoardStageRow>(db, shape, () => {
    const ws = sql`${sql.placeholder("workspaceId")}::uuid`;
    const filters = and(...boardFilters(actor, p));
    const after = p.after ? sql`and (${deals.position}, ${deals.id}) > (${sql.placeholder("afterPosition")}::float8, ${sql.placeholder("afterId")}::uuid)` : sql``;
    const onlyStage = (column: SQL | AnyPgColumn) => (p.stageId ? sql`and ${column} = ${sql.placeholder("stageId")}::uuid` : sql``);
    // `{ id, name }` of what the card points at, or null.
    const ref = (table: typeof clients | typeof leads | typeof users, id: AnyPgColumn) =>
      sql`case when ${id} is null then null else json_build_object('id', ${id}, 'name', coalesce((select ${table.name} from ${table} where ${table.id} = ${id} and ${table.workspaceId} = ${ws}), '')) end`;
    const limit = sql.raw(String(p.limit));
    // Someone who sees every deal, with no filter, reads the totals the triggers keep; anyone else sums their deals.
    const sums = usesStageTotals(actor, p)
      ? sql`select ${dealStageTotals.stageId} as stage_id, ${dealStageTotals.currency} as currency, ${dealStageTotals.openCount} as n, ${dealStageTotals.openValue} as value
        from ${dealStageTotals}
        where ${dealStageTotals.workspaceId} = ${ws} and ${dealStageTotals.pipelineId} = ${sql.placeholder("pipelineId")}::uuid and ${dealStageTotals.openCount} > 0 ${onlyStage(dealStageTotals.stageId)}`
      : sql`select ${deals.stageId} as stage_id, ${deals.currency} as currency, count(*) as n, sum(${deals.valueMinor})::numeric as value
        from ${deals}
        where ${filters} ${onlyStage(deals.stageId)}
        group by ${deals.stageId}, ${deals.currency}`;
    return sql`
      with sums as materialized (${sums})
      select s.id as "stageId", s.name as "stageName", s.position as "stagePosition", s.probability as "stageProbability",
             coalesce(t.count, 0) as "count", coalesce(t.totals, '[]')::text as "totals",
             coalesce(d.cards, '[]')::text as "cards", coalesce(d.n > ${limit}, false) as "hasMore", d.last_position as "lastPosition", d.last_id as "lastId"
      from ${pipelineStages} s
      join ${pipelines} p on p.id = s.pipeline_id
      left join lateral (
        select sum(x.n)::int as count,
               json_agg(json_build_object('currency', x.currency, 'valueMinor', x.value, 'weightedMinor', round(x.value * s.probability / 100)) order by x.currency collate "C") as totals
        from sums x
        where x.stage_id = s.id
      ) t on true
      left join lateral (
        select json_agg(c.card order by c.rn) filter (where c.rn <= ${limit}) as cards,
               count(*) as n,
               max(c.position) filter (where c.rn = ${limit}) as last_position,
               max(c.id::text) filter (where c.rn = ${limit}) as last_id
        from (
          select w.*, row_number() over (order by w.position, w.id) as rn
          from (
            select ${deals.id} as id, ${deals.position} as position,
                   json_build_object(
                     'id', ${deals.id}, 'title', ${deals.title},
                     'client', ${ref(clients, deals.clientId)}, 'lead', ${ref(leads, deals.leadId)}, 'owner', ${ref(users, deals.ownerId)},
                     'valueMinor', ${deals.valueMinor}, 'currency', ${deals.currency}, 'expectedCloseDate', ${deals.expectedCloseDate},
                     'position', ${deals.position},
                     'timeInStageSeconds', greatest(0, floor(extract(epoch from now() - ${deals.stageEnteredAt})))::int, -- open deals: until now
                     'lastActivityAt', ${isoText(deals.lastActivityAt)},
                     'rotting', coalesce(${deals.lastActivityAt} < now() - make_interval(days => p.rotting_days), false), -- the list's rottingCondition
                     'tags', ${deals.tags}
                   ) as card
            from ${deals}
            where ${filters} and ${deals.stageId} = s.id ${after}
            order by ${deals.position}, ${deals.id}
            limit ${sql.raw(String(p.limit + 1))}
          ) w
        ) c
      ) d on true
      where s.workspace_id = ${ws} and s.pipeline_id = ${sql.placeholder("pipelineId")}::uuid ${onlyStage(sql`s.id`)}
      order by s.position, s.id`;
  }, { unnamed: !!p.q });
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
