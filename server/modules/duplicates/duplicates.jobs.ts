import { sql } from "drizzle-orm";
import { z } from "zod";
import { DUPLICATE_ENTITY_TYPES, type DuplicateEntityType } from "../../../shared/contracts/duplicates";
import type { AppContext } from "../../app-context";
import { withTransaction } from "../../db/transaction";
import { defineJob } from "../../jobs/define-job";
import type { Db } from "../../db/client";
import {
  analyzeNameIndex,
  countTrigramsWindow,
  findScan,
  indexNamesWindow,
  purgeNameIndex,
  rebuildWindow,
  rescorePairs,
  sweepStalePairs,
  updateScan,
} from "./duplicate-pairs.repository";

/** Records re-scored per job (one import batch, one chunk of a bulk change). */
export const RESCORE_CHUNK = 1000;
/** Records per rebuild window (one transaction), and how long one rebuild job keeps taking windows. */
const REBUILD_WINDOW = 500;
/** Records per `count` / `index` step of a rebuild (cheap per record: no pairs, no lock). */
const NAME_INDEX_WINDOW = 5000;

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
 * One step of a workspace's rebuild, in the caller's transaction: locks the scan row, does the
 * next unit of work and saves where it got to on the row, so a retried, expired or duplicated job
 * resumes after the last committed step and never redoes one. Per record type (clients, contacts,
 * leads): `purge` the previous name index, `count` trigrams, `index` names, store `pairs` (the
 * progress counter advances here); after leads, `finish` purges the name index and sweeps the
 * pairs no window re-found. Returns whether there is more to do (false too for a superseded scan).
 */
export async function rebuildStep(db: Db, workspaceId: string, scanId: string, windows: { names: number; pairs: number } = { names: NAME_INDEX_WINDOW, pairs: REBUILD_WINDOW }): Promise<boolean> {
  const scan = await findScan(db, workspaceId, true);
  if (!scan || scan.scanId !== scanId || scan.status === "done") return false;
  // Started by the database clock, before the first window writes (pairs' computed_at uses the same clock).
  if (!scan.startedAt) await updateScan(db, workspaceId, scanId, { status: "running", startedAt: sql`clock_timestamp()` });
  const type = scan.cursorType;
  const next = DUPLICATE_ENTITY_TYPES[DUPLICATE_ENTITY_TYPES.indexOf(type) + 1];
  switch (scan.phase) {
    case "purge":
    case "finish": {
      if (!(await purgeNameIndex(db, workspaceId))) return true;
      if (scan.phase === "purge") {
        await updateScan(db, workspaceId, scanId, { phase: "count", cursorId: null });
        return true;
      }
      await sweepStalePairs(db, workspaceId);
      await updateScan(db, workspaceId, scanId, { status: "done", cursorId: null, finishedAt: new Date() });
      return false;
    }
    case "count":
    case "index": {
      const step = scan.phase === "count" ? countTrigramsWindow : indexNamesWindow;
      const { n, last: lastId } = await step(db, workspaceId, type, scan.cursorId, windows.names);
      const done = n < windows.names;
      // Fresh statistics for the next phase's joins (a sample, so quick at any size).
      if (done) await analyzeNameIndex(db, scan.phase);
      await updateScan(db, workspaceId, scanId, done ? { phase: scan.phase === "count" ? "index" : "pairs", cursorId: null } : { cursorId: lastId });
      return true;
    }
    case "pairs": {
      const { n, last: lastId } = await rebuildWindow(db, workspaceId, type, scan.cursorId, windows.pairs);
      const processed = scan.processed + n;
      if (n === windows.pairs) await updateScan(db, workspaceId, scanId, { processed, cursorId: lastId });
      else if (next) await updateScan(db, workspaceId, scanId, { processed, cursorType: next, phase: "purge", cursorId: null });
      else await updateScan(db, workspaceId, scanId, { processed, phase: "finish", cursorId: null });
      return true;
    }
  }
}

/**
 * Rebuilds a workspace's pairs: `rebuildStep` after `rebuildStep`, each in its own transaction,
 * for up to 20 s, then enqueues itself to go on. A job of an older scan (another scan id) stops.
 */
export const duplicatesRebuildJob = defineJob<{ workspaceId: string; scanId: string }, AppContext>({
  name: "duplicates.rebuild",
  payload: z.object({ workspaceId: z.uuid(), scanId: z.uuid() }),
  retryLimit: 5,
  expireInSeconds: 120,
  async perform(p, { app }) {
    const deadline = Date.now() + REBUILD_BUDGET_MS;
    for (;;) {
      const more = await withTransaction(app.database.pool, (tx) => rebuildStep(tx.db, p.workspaceId, p.scanId));
      if (!more) return;
      if (Date.now() > deadline) {
        await app.jobs.enqueue(duplicatesRebuildJob, p);
        return;
      }
    }
  },
});
