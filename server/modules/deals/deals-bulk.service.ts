import type { BulkDealsBody } from "../../../shared/contracts/deals";
import type { BulkResult } from "../../../shared/contracts/clients";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { withTransaction } from "../../db/transaction";
import { recordOwnerChange, recordTimeline } from "../activities/timeline";
import { removeStoredFiles } from "../attachments/attachments.service";
import { recordAudit } from "../audit/audit.service";
import { assertCanOwn } from "../users/record-owners";
import { applyStatus } from "./deals-move.service";
import { dealAbilities } from "./deals.policy";
import { findVisibleDealsForUpdate, updateDeal } from "./deals.repository";
import { deleteDealRecords } from "./deals.service";

/**
 * Applies one action to many deals in one transaction: only to the ones the actor may see and
 * change; the rest come back in `skipped` (not_found covers invisible and foreign ids alike).
 */
export async function bulkDeals(app: AppContext, actor: Actor, body: BulkDealsBody): Promise<BulkResult> {
  const ids = [...new Set(body.ids)];
  const { action } = body;
  const abilities = dealAbilities(actor);
  const storageKeys: string[] = [];
  const result = await withTransaction(app.database.pool, async (tx) => {
    if (action.type === "assign_owner" && action.ownerId) await assertCanOwn(tx.db, actor.workspaceId, "deals", [action.ownerId], "body.action.ownerId");
    const rows = await findVisibleDealsForUpdate(tx.db, actor, ids);
    const found = new Set(rows.map((r) => r.id));
    const skipped: BulkResult["skipped"] = ids.filter((id) => !found.has(id)).map((id) => ({ id, reason: "not_found" }));
    const allowed = action.type === "delete" ? abilities.delete : abilities.update;
    if (!allowed) return { updated: 0, skipped: [...skipped, ...rows.map((r) => ({ id: r.id, reason: "forbidden" }))] };
    let updated = 0;
    for (const row of rows) {
      const entity = { type: "deal" as const, id: row.id };
      if (action.type === "delete") {
        storageKeys.push(...(await deleteDealRecords(tx.db, actor, row)));
      } else if (action.type === "set_status") {
        if (row.status === action.status) continue;
        await applyStatus(tx.db, actor, row, action.status, action.reason ?? null);
      } else if (action.type === "assign_owner") {
        if (row.ownerId === action.ownerId) continue;
        await updateDeal(tx.db, actor.workspaceId, row.id, { ownerId: action.ownerId });
        await recordOwnerChange(tx.db, actor, entity, row.ownerId, action.ownerId);
      } else {
        const has = row.tags.includes(action.tag);
        if (action.type === "add_tag" ? has : !has) continue;
        const tags = action.type === "add_tag" ? [...row.tags, action.tag] : row.tags.filter((t) => t !== action.tag);
        await updateDeal(tx.db, actor.workspaceId, row.id, { tags });
        await recordTimeline(tx.db, actor, entity, "updated", { fields: ["tags"], changes: { tags: { from: row.tags, to: tags } } });
      }
      updated++;
    }
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "deal.bulk", entityType: "deal", changes: { action, ids, updated, skipped } });
    return { updated, skipped };
  });
  // Files go once the rows are gone for good.
  await removeStoredFiles(app.storage, storageKeys);
  return result;
}
