import type { BulkResult } from "../../../shared/contracts/clients";
import type { BulkLeadsBody } from "../../../shared/contracts/leads";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { withTransaction } from "../../db/transaction";
import { removeStoredFiles } from "../attachments/attachments.service";
import { recordAudit } from "../audit/audit.service";
import { emitLeadEvent } from "../automations/automation-events";
import { assertCanOwn } from "../users/record-owners";
import { assertOwnReach, leadAbilities } from "./leads.policy";
import { findVisibleLeadsForUpdate, updateLead } from "./leads.repository";
import { deleteLeadRecords, recordLeadChanges } from "./leads.service";
import { enqueuePairRescore } from "../duplicates/duplicate-events";

/**
 * Applies one action to many leads in one transaction: only to the ones the actor may change; the
 * rest come back in `skipped` (not_found covers unreachable and foreign ids alike).
 */
export async function bulkLeads(app: AppContext, actor: Actor, body: BulkLeadsBody): Promise<BulkResult> {
  const ids = [...new Set(body.ids)];
  const { action } = body;
  const abilities = leadAbilities(actor);
  if (action.type === "assign_owner") assertOwnReach(actor, action.ownerId, "body.action.ownerId");
  const storageKeys: string[] = [];
  const result = await withTransaction(app.database.pool, async (tx) => {
    if (action.type === "assign_owner" && action.ownerId) await assertCanOwn(tx.db, actor.workspaceId, "leads", [action.ownerId], "body.action.ownerId");
    const rows = await findVisibleLeadsForUpdate(tx.db, actor, ids);
    const found = new Set(rows.map((r) => r.id));
    const skipped: BulkResult["skipped"] = ids.filter((id) => !found.has(id)).map((id) => ({ id, reason: "not_found" }));
    const allowed = action.type === "delete" ? abilities.delete : abilities.update;
    if (!allowed) return { updated: 0, skipped: [...skipped, ...rows.map((r) => ({ id: r.id, reason: "forbidden" }))] };
    let updated = 0;
    if (action.type === "delete") await enqueuePairRescore(app, tx.db, actor.workspaceId, "lead", rows.map((r) => r.id));
    for (const row of rows) {
      if (action.type === "delete") {
        storageKeys.push(...(await deleteLeadRecords(tx.db, actor, row)));
      } else if (action.type === "set_status") {
        if (row.status === action.status) continue;
        if (row.status === "converted") {
          skipped.push({ id: row.id, reason: "converted" });
          continue;
        }
        await updateLead(tx.db, actor.workspaceId, row.id, { status: action.status });
        await recordLeadChanges(tx.db, actor, row.id, { status: { from: row.status, to: action.status } });
        await emitLeadEvent(app, tx.db, actor.workspaceId, { type: "lead_status_changed", leadIds: [row.id], from: row.status, to: action.status });
      } else if (action.type === "assign_owner") {
        if (row.ownerId === action.ownerId) continue;
        await updateLead(tx.db, actor.workspaceId, row.id, { ownerId: action.ownerId });
        await recordLeadChanges(tx.db, actor, row.id, { ownerId: { from: row.ownerId, to: action.ownerId } });
      } else {
        const has = row.tags.includes(action.tag);
        if (action.type === "add_tag" ? has : !has) continue;
        const tags = action.type === "add_tag" ? [...row.tags, action.tag] : row.tags.filter((t) => t !== action.tag);
        await updateLead(tx.db, actor.workspaceId, row.id, { tags });
        await recordLeadChanges(tx.db, actor, row.id, { tags: { from: row.tags, to: tags } });
      }
      updated++;
    }
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "lead.bulk", entityType: "lead", changes: { action, ids, updated, skipped } });
    return { updated, skipped };
  });
  await removeStoredFiles(app.storage, storageKeys);
  return result;
}
