import type { BulkResult } from "../../../shared/contracts/clients";
import type { BulkContactsBody } from "../../../shared/contracts/contacts";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { withTransaction } from "../../db/transaction";
import { recordAudit } from "../audit/audit.service";
import { enqueuePairRescore } from "../duplicates/duplicate-events";
import { contactAbilities } from "./contacts.presenter";
import { findVisibleContactsForUpdate } from "./contacts.repository";
import { deleteContactRecord, type EndedPortalLogin, forgetEndedPortalLogins } from "./contacts.service";

/**
 * Deletes many contacts in one transaction, each through the single delete's path (their portal
 * login ends with them); ids the actor cannot see come back in `skipped` as not_found, visible ones
 * they may not delete as forbidden, like the other bulk endpoints.
 */
export async function bulkContacts(app: AppContext, actor: Actor, body: BulkContactsBody): Promise<BulkResult> {
  const ids = [...new Set(body.ids)];
  const { action } = body;
  const ended: EndedPortalLogin[] = [];
  const result = await withTransaction(app.database.pool, async (tx) => {
    const rows = await findVisibleContactsForUpdate(tx.db, actor, ids);
    const found = new Set(rows.map((r) => r.id));
    const skipped: BulkResult["skipped"] = ids.filter((id) => !found.has(id)).map((id) => ({ id, reason: "not_found" }));
    const deleted: string[] = [];
    for (const row of rows) {
      if (!contactAbilities(actor, row).delete) {
        skipped.push({ id: row.id, reason: "forbidden" });
        continue;
      }
      const login = await deleteContactRecord(app, tx, actor, row, { rescorePairs: false });
      if (login) ended.push(login);
      deleted.push(row.id);
    }
    await enqueuePairRescore(app, tx.db, actor.workspaceId, "contact", deleted);
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "contact.bulk",
      entityType: "contact",
      changes: { action, ids, updated: deleted.length, skipped },
    });
    return { updated: deleted.length, skipped };
  });
  await forgetEndedPortalLogins(app, ended);
  return result;
}
