import type { DuplicateEntityType } from "../../../shared/contracts/duplicates";
import type { AppContext } from "../../app-context";
import { and, eq, gte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { clients, contacts, leads } from "../../db/schema";
import { txOf, withTransaction } from "../../db/transaction";
import { claimPendingScans } from "./duplicate-pairs.repository";
import { duplicatesRebuildJob, duplicatesRescoreJob, RESCORE_CHUNK } from "./duplicates.jobs";

/** The fields whose change can make or break a duplicate pair, per record type. */
export const PAIR_KEY_FIELDS: Record<DuplicateEntityType, readonly string[]> = {
  client: ["name", "website", "phone"],
  contact: ["firstName", "lastName", "email", "phone"],
  lead: ["name", "email", "phone", "company"],
};

/** Whether a patch (or a list of changed field names) touches a field that pairs are scored on. */
export function touchesPairKeys(entityType: DuplicateEntityType, changed: object | readonly string[]): boolean {
  const keys = Array.isArray(changed) ? changed : Object.keys(changed);
  return keys.some((k) => PAIR_KEY_FIELDS[entityType].includes(k));
}

/**
 * Enqueues the re-scoring of these records' duplicate pairs in the writer's transaction (`db`), one
 * job per chunk of 1,000: it commits or vanishes with the change. Call it when records are created,
 * deleted or merged, or when `touchesPairKeys` says a change matters.
 */
export async function enqueuePairRescore(
  app: AppContext,
  db: Db,
  workspaceId: string,
  entityType: DuplicateEntityType,
  ids: readonly string[],
  opts: { startAfterSeconds?: number } = {},
): Promise<void> {
  const unique = [...new Set(ids)];
  const tx = txOf(db);
  for (let i = 0; i < unique.length; i += RESCORE_CHUNK) {
    await app.jobs.enqueue(duplicatesRescoreJob, { workspaceId, entityType, ids: unique.slice(i, i + RESCORE_CHUNK) }, { tx, ...opts });
  }
}

/** Import batches' re-scores wait this long, so a large import does not share its CPU with them. */
const IMPORT_RESCORE_DELAY_SECONDS = 90;

/**
 * After an import batch wrote its records in `db` (its transaction): enqueues one re-score for the
 * records of the type it created or updated. Created rows carry the transaction's `now()`, updated
 * ones a time after `batchStartedAt`; a record someone else touched meanwhile is re-scored too,
 * which is harmless. Delayed by 90 s: imported pairs show up a little later, the import runs alone.
 */
export async function enqueueImportBatchRescore(app: AppContext, db: Db, workspaceId: string, entityType: DuplicateEntityType, batchStartedAt: Date): Promise<void> {
  const table = { client: clients, contact: contacts, lead: leads }[entityType];
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), or(eq(table.updatedAt, sql`now()`), gte(table.updatedAt, batchStartedAt))));
  await enqueuePairRescore(app, db, workspaceId, entityType, rows.map((r) => r.id), { startAfterSeconds: IMPORT_RESCORE_DELAY_SECONDS });
}

/**
 * At boot: every workspace whose pairs were never built (existing data after the migration that
 * added the table, a freshly seeded demo) gets its rebuild job. Claimed in one transaction, so two
 * processes booting together enqueue it once.
 */
export async function enqueuePendingRebuilds(app: AppContext): Promise<number> {
  return withTransaction(app.database.pool, async (tx) => {
    const scans = await claimPendingScans(tx.db);
    for (const s of scans) await app.jobs.enqueue(duplicatesRebuildJob, { workspaceId: s.workspaceId, scanId: s.scanId }, { tx });
    return scans.length;
  });
}
