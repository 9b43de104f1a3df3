import { sql } from "drizzle-orm";
import { z } from "zod";
import { DUPLICATE_ENTITY_TYPES, type DuplicateEntityType } from "../../../shared/contracts/duplicates";
import type { AppContext } from "../../app-context";
import { withTransaction } from "../../db/transaction";
import { defineJob } from "../../jobs/define-job";
import { findScan, rebuildWindow, rescorePairs, sweepStalePairs, updateScan } from "./duplicate-pairs.repository";

/** Records re-scored per job (one import batch, one chunk of a bulk change). */
export const RESCORE_CHUNK = 1000;
/** Records per rebuild window (one transaction), and how long one rebuild job keeps taking windows. */
const REBUILD_WINDOW = 500;
const REBUILD_BUDGET_MS = 20_000;
/** When the workspace's pairs are locked by another writer, a rescore runs again this much later. */
const RETRY_BUSY_SECONDS = 2;

/** Re-scores the candidate pairs of some records of one type (created, key fields changed, merged or deleted). */
export const duplicatesRescoreJob = defineJob<{ workspaceId: string; entityType: DuplicateEntityType; ids: string[] }, AppContext>({
  name: "duplicates.rescore",
  payload: z.object({ workspaceId: z.uuid(), entityType: z.enum(DUPLICATE_ENTITY_TYPES), ids: z.array(z.uuid()).min(1).max(RESCORE_CHUNK) }),
  retryLimit: 5,
  async perform(p, { app }) {
    const done = await withTransaction(app.database.pool, (tx) => rescorePairs(tx.db, p.workspaceId, p.entityType, p.ids));
    // Another rescore or a rebuild window of the workspace is writing: come back shortly (not a failure).
    if (!done) await app.jobs.enqueue(duplicatesRescoreJob, p, { startAfterSeconds: RETRY_BUSY_SECONDS });
  },
});

/**
 * Rebuilds a workspace's pairs: walks clients, then contacts, then leads in id windows (each in
 * its own transaction, progress saved on the scan row with the cursor), for up to 20 s, then
 * enqueues itself to go on. A retried or duplicated job resumes from the saved cursor; a job of an
 * older scan (another scan id) stops. At the end, pairs no window re-found are swept.
 */
export const duplicatesRebuildJob = defineJob<{ workspaceId: string; scanId: string }, AppContext>({
  name: "duplicates.rebuild",
  payload: z.object({ workspaceId: z.uuid(), scanId: z.uuid() }),
  retryLimit: 5,
  expireInSeconds: 120,
  async perform(p, { app }) {
    const deadline = Date.now() + REBUILD_BUDGET_MS;
    for (;;) {
      const more = await withTransaction(app.database.pool, async (tx) => {
        const scan = await findScan(tx.db, p.workspaceId, true);
        if (!scan || scan.scanId !== p.scanId || scan.status === "done") return false;
        // Started by the database clock, before the first window writes (pairs' computed_at uses the same clock).
        if (!scan.startedAt) await updateScan(tx.db, p.workspaceId, p.scanId, { status: "running", startedAt: sql`clock_timestamp()` });
        const { n, last } = await rebuildWindow(tx.db, p.workspaceId, scan.cursorType, scan.cursorId, REBUILD_WINDOW);
        const next = DUPLICATE_ENTITY_TYPES[DUPLICATE_ENTITY_TYPES.indexOf(scan.cursorType) + 1];
        if (n === REBUILD_WINDOW || next) {
          const progress = n === REBUILD_WINDOW ? { cursorId: last } : { cursorType: next!, cursorId: null };
          await updateScan(tx.db, p.workspaceId, p.scanId, { processed: scan.processed + n, ...progress });
          return true;
        }
        await sweepStalePairs(tx.db, p.workspaceId);
        await updateScan(tx.db, p.workspaceId, p.scanId, { status: "done", processed: scan.processed + n, cursorId: null, finishedAt: new Date() });
        return false;
      });
      if (!more) return;
      if (Date.now() > deadline) {
        await app.jobs.enqueue(duplicatesRebuildJob, p);
        return;
      }
    }
  },
});
