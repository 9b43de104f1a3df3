import type { CloseDealBody, DealDto, MoveDealBody } from "../../../shared/contracts/deals";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import type { DealRow } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { recordTimeline } from "../activities/timeline";
import { recordAudit } from "../audit/audit.service";
import { findStage } from "../pipelines/pipelines.repository";
import { assertDealAbility } from "./deals.policy";
import { closeOpenStay, columnOrder, openStay, spreadColumn, updateDeal } from "./deals.repository";
import { loadVisibleDeal, presentDeals } from "./deals.service";

const GAP = 1024;
// Below this gap between neighbours the column is re-spread (doubles keep ~50 halvings of 1024).
const MIN_GAP = 1e-6;

/** The fractional position of a deal dropped at `index` of a column (other deals unchanged), or null when the gap is used up. */
export function positionAt(column: { position: number }[], index: number): number | null {
  const prev = column[index - 1];
  const next = column[index];
  if (prev && next) return next.position - prev.position < MIN_GAP ? null : (prev.position + next.position) / 2;
  if (prev) return prev.position + GAP;
  if (next) return next.position - GAP;
  return GAP;
}

/** Where in the target column the body puts the deal (400 when beforeId/afterId is not in that column). */
function targetIndex(column: { id: string }[], body: MoveDealBody): number {
  const anchor = body.beforeId ?? body.afterId;
  if (anchor) {
    const i = column.findIndex((d) => d.id === anchor);
    if (i < 0) throw errors.validation([{ path: body.beforeId ? "body.beforeId" : "body.afterId", message: "Choose an open deal of the target stage" }]);
    return body.beforeId ? i : i + 1;
  }
  return Math.min(body.position ?? column.length, column.length);
}

/**
 * Moves a deal to a stage (and a place in its column): one row rewritten in the common case. A stage
 * change closes the open stage stay and opens a new one, and writes a `stage_changed` timeline entry.
 */
export async function moveDeal(app: AppContext, actor: Actor, id: string, body: MoveDealBody): Promise<DealDto> {
  return withTransaction(app.database.pool, async (tx) => {
    const deal = await loadVisibleDeal(tx.db, actor, id, true);
    assertDealAbility(actor, "update");
    if (deal.status !== "open") throw errors.invalidState("Reopen the deal before moving it.");
    const stage = await findStage(tx.db, actor.workspaceId, deal.pipelineId, body.stageId);
    if (!stage) throw errors.validation([{ path: "body.stageId", message: "Choose a stage of the deal's pipeline" }]);
    const column = await columnOrder(tx.db, actor.workspaceId, stage.id, deal.id);
    const index = targetIndex(column, body);
    let position = positionAt(column, index);
    if (position === null) {
      const ids = column.map((d) => d.id);
      ids.splice(index, 0, deal.id);
      await spreadColumn(tx.db, actor.workspaceId, ids);
      position = (index + 1) * GAP;
    }
    const stageChanged = stage.id !== deal.stageId;
    const row = await updateDeal(tx.db, actor.workspaceId, id, { stageId: stage.id, position, ...(stageChanged ? { stageEnteredAt: new Date() } : {}) });
    if (stageChanged) await recordStageChange(tx.db, actor, deal, stage);
    const [dto] = await presentDeals(tx.db, actor, [row]);
    return dto!;
  });
}

/** History, timeline and audit of a stage change. */
async function recordStageChange(db: Db, actor: Actor, deal: DealRow, to: { id: string; name: string }): Promise<void> {
  const from = await findStage(db, actor.workspaceId, deal.pipelineId, deal.stageId);
  await closeOpenStay(db, actor.workspaceId, deal.id);
  await openStay(db, { workspaceId: actor.workspaceId, dealId: deal.id, stageId: to.id, actorId: actor.id });
  const meta = { from: { id: deal.stageId, name: from?.name ?? "" }, to: { id: to.id, name: to.name } };
  await recordTimeline(db, actor, { type: "deal", id: deal.id }, "stage_changed", meta);
  await recordAudit(db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "deal.stage_changed", entityType: "deal", entityId: deal.id, changes: { stageId: { from: deal.stageId, to: to.id } } });
}

/** Marks an open deal won or lost (a reason is required for lost). */
export async function closeDeal(app: AppContext, actor: Actor, id: string, body: CloseDealBody): Promise<DealDto> {
  return withTransaction(app.database.pool, async (tx) => {
    const deal = await loadVisibleDeal(tx.db, actor, id, true);
    assertDealAbility(actor, "update");
    if (deal.status !== "open") throw errors.invalidState(`This deal is already ${deal.status}. Reopen it first.`);
    const row = await applyStatus(tx.db, actor, deal, body.status, body.reason ?? null);
    const [dto] = await presentDeals(tx.db, actor, [row]);
    return dto!;
  });
}

/** Reopens a won or lost deal. */
export async function reopenDeal(app: AppContext, actor: Actor, id: string): Promise<DealDto> {
  return withTransaction(app.database.pool, async (tx) => {
    const deal = await loadVisibleDeal(tx.db, actor, id, true);
    assertDealAbility(actor, "update");
    if (deal.status === "open") throw errors.invalidState("This deal is already open.");
    const row = await applyStatus(tx.db, actor, deal, "open", null);
    const [dto] = await presentDeals(tx.db, actor, [row]);
    return dto!;
  });
}

/** Writes a status change with its timeline entry and audit row (shared with bulk). */
export async function applyStatus(db: Db, actor: Actor, deal: DealRow, status: DealRow["status"], reason: string | null): Promise<DealRow> {
  const row = await updateDeal(db, actor.workspaceId, deal.id, {
    status,
    lostReason: status === "lost" ? reason : null,
    closedAt: status === "open" ? null : (new Date()),
  });
  const meta = { from: deal.status, to: status, ...(status === "lost" ? { reason } : {}) };
  await recordTimeline(db, actor, { type: "deal", id: deal.id }, "status_changed", meta);
  await recordAudit(db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "deal.status_changed", entityType: "deal", entityId: deal.id, changes: { status: { from: deal.status, to: status }, ...(reason ? { reason } : {}) } });
  return row;
}
