import type { BulkClientsBody, BulkResult } from "../../../shared/contracts/clients";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { withTransaction } from "../../db/transaction";
import { recordOwnerChange, recordTimeline } from "../activities/timeline";
import { removeStoredFiles } from "../attachments/attachments.service";
import { recordAudit } from "../audit/audit.service";
import { clientAbilities } from "./clients.policy";
import { clientsWithPortalUsers, findVisibleClientsForUpdate, updateClient } from "./clients.repository";
import { assertStaffUsers, deleteClientRecords, enqueueDeletedClientsRescore } from "./clients.service";

/**
 * Applies one action to many clients in one transaction: only to the ones the actor may change;
 * the rest come back in `skipped` with a reason (not_found covers invisible and foreign ids alike).
 */
export async function bulkClients(app: AppContext, actor: Actor, body: BulkClientsBody): Promise<BulkResult> {
  const ids = [...new Set(body.ids)];
  const { action } = body;
  const abilities = clientAbilities(actor);
  const storageKeys: string[] = [];
  const result = await withTransaction(app.database.pool, async (tx) => {
    if (action.type === "assign_owner" && action.ownerId) await assertStaffUsers(tx.db, actor, [action.ownerId], "body.action.ownerId");
    const rows = await findVisibleClientsForUpdate(tx.db, actor, ids);
    const found = new Map(rows.map((r) => [r.id, r]));
    const skipped: BulkResult["skipped"] = ids.filter((id) => !found.has(id)).map((id) => ({ id, reason: "not_found" }));
    const allowed = action.type === "delete" ? abilities.delete : abilities.update;
    if (!allowed) return { updated: 0, skipped: [...skipped, ...rows.map((r) => ({ id: r.id, reason: "forbidden" }))] };
    const bound = action.type === "delete" ? await clientsWithPortalUsers(tx.db, actor.workspaceId, rows.map((r) => r.id)) : new Set<string>();
    let updated = 0;
    if (action.type === "delete") {
      const deleting = rows.filter((r) => !bound.has(r.id)).map((r) => r.id);
      await enqueueDeletedClientsRescore(app, tx.db, actor.workspaceId, deleting);
    }
    for (const row of rows) {
      const entity = { type: "client" as const, id: row.id };
      if (action.type === "delete") {
        if (bound.has(row.id)) {
          skipped.push({ id: row.id, reason: "portal_users_bound" });
          continue;
        }
        storageKeys.push(...(await deleteClientRecords(tx.db, actor, row)));
      } else if (action.type === "set_status") {
        if (row.status === action.status) continue;
        await updateClient(tx.db, actor.workspaceId, row.id, { status: action.status });
        await recordTimeline(tx.db, actor, entity, "status_changed", { from: row.status, to: action.status });
      } else if (action.type === "assign_owner") {
        if (row.ownerId === action.ownerId) continue;
        await updateClient(tx.db, actor.workspaceId, row.id, { ownerId: action.ownerId });
        await recordOwnerChange(tx.db, actor, entity, row.ownerId, action.ownerId);
      } else {
        const has = row.tags.includes(action.tag);
        if (action.type === "add_tag" ? has : !has) continue;
        const tags = action.type === "add_tag" ? [...row.tags, action.tag] : row.tags.filter((t) => t !== action.tag);
        await updateClient(tx.db, actor.workspaceId, row.id, { tags });
        await recordTimeline(tx.db, actor, entity, "updated", { fields: ["tags"], changes: { tags: { from: row.tags, to: tags } } });
      }
      updated++;
    }
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "client.bulk",
      entityType: "client",
      changes: { action, ids, updated, skipped },
    });
    return { updated, skipped };
  });
  await removeStoredFiles(app.storage, storageKeys);
  return result;
}
