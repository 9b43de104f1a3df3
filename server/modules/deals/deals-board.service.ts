import type { BoardColumnDto, BoardQuery, BoardResponse, ForecastQuery, ForecastResponse } from "../../../shared/contracts/deals";
import type { CURRENCIES } from "../../../shared/contracts/workspace";
import { AppError, errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { decodeCursor, encodeCursor } from "../../lib/pagination";
import { readSearchMode, TYPO_FALLBACK_BELOW, withSearchMode } from "../../lib/text-search";
import { presentPipelineSnapshot } from "../pipelines/pipelines.presenter";
import { findPipeline } from "../pipelines/pipelines.repository";
import { loadCachedPipeline } from "../pipelines/pipelines.service";
import { RawJson } from "../../http/raw-json";
import { type BoardParams, boardRows, forecastRows } from "./deals-board.repository";

type Currency = (typeof CURRENCIES)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a board column cursor `[position, id]` (a search's typo mode rides in front, see text-search.ts). */
function decodeBoardCursor(cursor: string): [number, string] {
  const [position, id] = decodeCursor(cursor, 2);
  if (typeof position !== "number" || typeof id !== "string" || !UUID.test(id)) {
    throw new AppError("invalid_cursor", undefined, { issues: [{ path: "query.cursor", message: "Invalid cursor" }] });
  }
  return [position, id];
}

/**
 * A pipeline's kanban board: per stage the first `limit` open visible deals by position, with the
 * count, total and weighted value of every open visible deal there (the filters applied). With
 * `stageId` (+ `cursor`) it answers one column only: "load more". The pipeline and its stages come
 * from the cache; the columns, their sums and cards (as JSON text) from one statement, put
 * together here without decoding the cards.
 */
export async function getBoard(app: AppContext, actor: Actor, pipelineId: string, q: BoardQuery): Promise<RawJson<BoardResponse>> {
  const pipeline = await loadCachedPipeline(app, actor.workspaceId, pipelineId);
  if (q.cursor && !q.stageId) throw errors.validation([{ path: "query.stageId", message: "A column cursor needs its stageId" }]);
  if (q.stageId && !pipeline.stages.some((s) => s.id === q.stageId)) throw errors.validation([{ path: "query.stageId", message: "Choose a stage of this pipeline" }]);
  const read = q.cursor ? readSearchMode(q.cursor) : undefined;
  const params: BoardParams = { pipelineId, ownerId: q.ownerId, tag: q.tag, q: q.q, searchMode: read?.mode ?? "exact", stageId: q.stageId, after: read ? decodeBoardCursor(read.cursor) : undefined, limit: q.limit };
  let rows = await boardRows(app.database.db, actor, params);
  // A search's first board is exact; typo when every column together holds fewer than a page of matches.
  if (q.q && !read && rows.reduce((n, r) => n + r.count, 0) < TYPO_FALLBACK_BELOW) {
    params.searchMode = "typo";
    rows = await boardRows(app.database.db, actor, params);
  }
  const columns = rows.map((r) => {
    const stage: BoardColumnDto["stage"] = { id: r.stageId, name: r.stageName, position: r.stagePosition, probability: r.stageProbability };
    // A search's column cursor carries its mode, so "load more" continues in it.
    const nextCursor = r.hasMore && r.lastPosition !== null && r.lastId !== null ? withSearchMode(encodeCursor([r.lastPosition, r.lastId]), params.searchMode) : null;
    // The keys of BoardColumnDto; `totals` and `deals` arrive as JSON text.
    return `{"stage":${JSON.stringify(stage)},"count":${JSON.stringify(r.count)},"totals":${r.totals},"deals":${r.cards},"nextCursor":${JSON.stringify(nextCursor)}}`;
  });
  return new RawJson(`{"pipeline":${JSON.stringify(presentPipelineSnapshot(actor, pipeline))},"columns":[${columns.join(",")}]}`);
}

/** Open visible deals by expected close month and currency: value and value × stage probability. */
export async function getForecast(app: AppContext, actor: Actor, q: ForecastQuery): Promise<ForecastResponse> {
  const db = app.database.db;
  if (q.pipelineId && !(await findPipeline(db, actor.workspaceId, q.pipelineId))) throw errors.validation([{ path: "query.pipelineId", message: "Choose a pipeline of this workspace" }]);
  const rows = await forecastRows(db, actor, q.pipelineId);
  return {
    data: rows.map((r) => ({ month: r.month, currency: r.currency as Currency, dealCount: r.n, valueMinor: Number(r.value), weightedMinor: Number(r.weighted) })),
  };
}
