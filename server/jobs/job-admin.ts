import type { Db, JobWithMetadata, PgBoss } from "pg-boss";
import type { FailedJobDto } from "../../shared/contracts/admin";
import { errors } from "../../shared/errors";
import { logger } from "../lib/logger";
import { metricsRegistry, promClient } from "../lib/metrics";
import { type AnyJobDefinition, deadLetterName, usesDeadLetter } from "./define-job";

// The operator side of the job queue (Admin → Jobs): counts, recent failures, redrive.

const FAILED_LIST_LIMIT = 50;

const queueDepth = new promClient.Gauge({
  name: "agency_os_jobs_queue_depth",
  help: "Jobs per queue and state, as of the last admin overview",
  labelNames: ["queue", "state"] as const,
  registers: [metricsRegistry],
});

/** Counts for one queue (and updates the queue-depth gauge). */
export async function queueSummary<C>(boss: PgBoss, name: string, def: AnyJobDefinition<C> | undefined) {
  // Counts come from pg-boss's per-queue cache; `force` recomputes anything older than a minute.
  const [stats] = await boss.getQueueStats(name, { force: true });
  const queued = stats?.queuedCount ?? 0;
  const active = stats?.activeCount ?? 0;
  const failed = stats?.failedCount ?? 0;
  // pg-boss keeps no completed count; what is left of the total is completed (and cancelled) jobs.
  const completed = Math.max(0, (stats?.totalCount ?? 0) - queued - active - failed);
  queueDepth.set({ queue: name, state: "queued" }, queued);
  queueDepth.set({ queue: name, state: "active" }, active);
  queueDepth.set({ queue: name, state: "failed" }, failed);
  const deadLetter = def && usesDeadLetter(def) ? deadLetterName(name) : null;
  return { name, queued, active, completed, failed, deadLetter };
}

interface FailedJobRow {
  id: string;
  name: string;
  state: string;
  dead: boolean;
  retry_count: number;
  created_on: Date | string;
  completed_on: Date | string | null;
  output: unknown;
  data: unknown;
}

/**
 * The most recent terminal failures across the runner's queues, newest first. No pg-boss API lists
 * jobs by state across queues (findJobs is per queue and unfiltered), so this is the one direct read
 * of pg-boss's tables. A job that failed into a dead-letter queue is shown once, as its dead-letter
 * copy (the id `retry` needs), with the original's error, retries and creation time.
 */
export async function listFailedJobs(db: Db, schema: string, names: string[], deadLetters: string[], workspaceId: string | null): Promise<FailedJobDto[]> {
  const { rows } = await db.executeSql(
    `SELECT id, name, state::text AS state, (name = ANY($2::text[])) AS dead,
            COALESCE(source_retry_count, retry_count) AS retry_count,
            COALESCE(source_created_on, created_on) AS created_on,
            CASE WHEN name = ANY($2::text[]) AND source_id IS NOT NULL THEN created_on ELSE completed_on END AS completed_on,
            COALESCE(source_output, output) AS output, data
       FROM ${schema}.job
      WHERE name = ANY($1::text[])
        AND ((state = 'failed' AND (dead_letter IS NULL OR NOT dead_letter = ANY($2::text[])))
          OR (name = ANY($2::text[]) AND state IN ('created', 'retry', 'failed')))
        AND ($3::text IS NULL OR data->>'workspaceId' = $3::text)
      ORDER BY COALESCE(completed_on, created_on) DESC
      LIMIT ${FAILED_LIST_LIMIT}`,
    [names, deadLetters, workspaceId],
  );
  return (rows as FailedJobRow[]).map((row) => ({
    id: row.id,
    queue: row.name,
    state: row.dead && row.state !== "failed" ? "dead_letter" : row.state,
    retryCount: Number(row.retry_count),
    createdOn: new Date(row.created_on).toISOString(),
    completedOn: row.completed_on ? new Date(row.completed_on).toISOString() : null,
    error: errorMessageOf(row.output),
    data: row.data,
  }));
}

/** Moves a dead-lettered job back to its source queue (new id, fresh retries) and removes the dead copy. */
export async function redriveDeadJob(boss: PgBoss, queue: string, job: JobWithMetadata<unknown>): Promise<void> {
  if (job.state === "active" || job.state === "completed" || job.state === "cancelled") {
    throw errors.invalidState("That job is not waiting in the dead-letter queue.");
  }
  // A copy that an earlier redrive could not re-create is left failed; make it a candidate again.
  if (job.state === "failed") await boss.retry(queue, job.id);
  const moved = await boss.redrive(queue, { ids: [job.id] });
  if (moved !== 1) throw errors.invalidState("The job could not be moved back to its queue.");
  logger.info({ queue, jobId: job.id, source: job.sourceName }, "dead-lettered job redriven by an operator");
}

/** Reads the error message out of a job's output, whichever writer stored it. */
export function errorMessageOf(output: unknown): string | null {
  if (output === null || output === undefined) return null;
  if (typeof output === "string") return output;
  if (typeof output !== "object") return String(output);
  const record = output as Record<string, unknown>;
  if (typeof record.message === "string") return record.message;
  // pg-boss wraps non-object outputs and its own timeouts as { value: … }.
  if ("value" in record) return errorMessageOf(record.value);
  return JSON.stringify(output);
}
