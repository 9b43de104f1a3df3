import { PgBoss, type JobResult, type JobWithMetadata, type SendOptions } from "pg-boss";
import type { z } from "zod";
import type { JobsOverviewResponse } from "../../shared/contracts/admin";
import { errors, type FieldIssue } from "../../shared/errors";
import type { Tx } from "../db/transaction";
import { isDatabaseShutdown, logger } from "../lib/logger";
import { metricsRegistry, promClient } from "../lib/metrics";
import { type AnyJobDefinition, deadLetterName, JOB_DEFAULTS, type JobDefinition, usesDeadLetter } from "./define-job";

export type { AnyJobDefinition } from "./define-job";
import { listFailedJobs, queueSummary, redriveDeadJob } from "./job-admin";


/** Options for `createJobRunner`. */
export interface JobRunnerOptions<C> {
  connectionString: string;
  jobs: AnyJobDefinition<C>[];
  /** Called for every run, so the app context may be built after the runner. */
  getApp: () => C;
  /** Jobs claimed per fetch; default 20. */
  batchSize?: number;
  /** Idle poll per worker; default 1 (pg-boss minimum 0.5). Full batches re-fetch at once. */
  pollingIntervalSeconds?: number;
  /** Pollers per queue in this process; default 2, so one slow batch does not stall a queue. */
  localConcurrency?: number;
  /** Start workers (and cron timekeeping); false in tests and enqueue-only processes. Default true. */
  work?: boolean;
  /** Postgres schema pg-boss installs into; default "pgboss". */
  schema?: string;
  /** pg-boss pool size; default 10. */
  maxConnections?: number;
  /** Graceful stop deadline; default 30 000 ms. Jobs still running after it are failed (and retried). */
  stopTimeoutMs?: number;
}

/** Options for `enqueue`. */
export interface EnqueueOptions {
  /** Insert through this transaction: the job commits or vanishes with the caller's change. */
  tx?: Pick<Tx, "client">;
  /** Do not run before this many seconds from now. */
  startAfterSeconds?: number;
  /**
   * A key for the job. On our ("standard") queues a key alone does not deduplicate; together with
   * `singletonSeconds` it allows one job per key per time slot, and a duplicate returns null.
   */
  singletonKey?: string;
  /** Throttle window for `singletonKey` (pg-boss singletonSeconds). */
  singletonSeconds?: number;
}

/** Limits admin views to one tenant: jobs carry `workspaceId` in their payload (system jobs carry none). */
export interface JobScope {
  workspaceId: string;
}

/** Options for `drain` (tests). */
export interface DrainOptions {
  /** Stop after this many runs; default 10 000 (guards against jobs that enqueue themselves forever). */
  maxJobs?: number;
  /** Also run jobs whose start time is in the future (delayed sends, backed-off retries). Default false. */
  includeDelayed?: boolean;
}

/** The process's job queue: lifecycle, enqueue, inline drain for tests, admin overview and retry. */
export interface JobRunner<C> {
  readonly started: boolean;
  readonly working: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  enqueue<P extends object>(job: JobDefinition<P, C>, payload: P, opts?: EnqueueOptions): Promise<string | null>;
  drain(opts?: DrainOptions): Promise<{ processed: number; failed: number }>;
  /** Queues and recent failures; with a scope, only failed jobs whose payload carries that workspaceId. */
  overview(scope?: JobScope): Promise<JobsOverviewResponse>;
  /** Retries a failed or dead-lettered job; with a scope, a job of another workspace is not found. */
  retry(queue: string, id: string, scope?: JobScope): Promise<void>;
  health(): Promise<{ ok: boolean; detail: string }>;
}

const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_POLLING_SECONDS = 1;
const DEFAULT_LOCAL_CONCURRENCY = 2;
const DEFAULT_STOP_TIMEOUT_MS = 30_000;
const DEAD_LETTER_RETENTION_SECONDS = 30 * 24 * 3600;
const DRAIN_FETCH_SIZE = 50;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Outcome = "completed" | "retry" | "failed" | "rejected";

const jobsProcessed = new promClient.Counter({
  name: "agency_os_jobs_processed_total",
  help: "Job runs by queue and outcome (completed, retry = failed with retries left, failed = final, rejected = invalid payload)",
  labelNames: ["queue", "outcome"] as const,
  registers: [metricsRegistry],
});


/** Creates the pg-boss backed runner; nothing touches the database until `start()`. */
export function createJobRunner<C>(opts: JobRunnerOptions<C>): JobRunner<C> {
  const schema = opts.schema ?? "pgboss";
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid pg-boss schema name: ${schema}`);
  const work = opts.work ?? true;
  const defs = new Map<string, AnyJobDefinition<C>>();
  for (const def of opts.jobs) {
    if (defs.has(def.name)) throw new Error(`Duplicate job name: ${def.name}`);
    defs.set(def.name, def);
  }
  const deadLetters = new Set([...defs.values()].filter(usesDeadLetter).map((d) => deadLetterName(d.name)));

  const boss = new PgBoss({
    connectionString: opts.connectionString,
    schema,
    max: opts.maxConnections ?? 10,
    application_name: "agency-os-jobs",
    // Only worker processes fire cron schedules; enqueue-only processes just write them.
    schedule: work,
  });
  // pg-boss reports background failures (maintenance, polling, lost connections) as events; an
  // unhandled `error` event would crash the process, so they are logged and the loops carry on.
  boss.on("error", (err) => {
    if (isDatabaseShutdown(err)) logger.warn({ code: (err as { code?: string }).code }, "pg-boss: the database closed a connection (restart or shutdown); reconnecting");
    else logger.error({ err }, "pg-boss error");
  });
  boss.on("warning", (warning) => logger.warn({ data: warning.data }, `pg-boss warning: ${warning.message}`));

  let started = false;
  let working = false;
  let starting: Promise<void> | null = null;

  const requireStarted = () => {
    if (!started) throw new Error("Job runner is not started");
  };

  async function doStart(): Promise<void> {
    await boss.start();
    try {
      for (const def of defs.values()) await ensureQueues(boss, def);
      for (const def of defs.values()) await registerSchedule(boss, def);
      if (work) await startWorkers();
    } catch (err) {
      // Half-started: close pg-boss's pool, timers and workers so a failed boot does not linger.
      await boss.stop({ graceful: false }).catch(() => undefined);
      throw err;
    }
    started = true;
    working = work;
    logger.info({ queues: [...defs.keys()], work }, "job runner started");
  }

  async function startWorkers(): Promise<void> {
    const workOptions = {
      batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE,
      pollingIntervalSeconds: Math.max(0.5, opts.pollingIntervalSeconds ?? DEFAULT_POLLING_SECONDS),
      localConcurrency: opts.localConcurrency ?? DEFAULT_LOCAL_CONCURRENCY,
      // A full batch means more is waiting: fetch again at once instead of sleeping a poll interval.
      burstWhenBatchFull: true,
      includeMetadata: true,
      // Each job is settled on its own, so one failure does not fail (and re-run) its batch mates.
      perJobResults: true,
    } as const;
    for (const def of defs.values()) {
      // The jobs of a batch run concurrently; runOne never throws, which would fail the whole batch.
      await boss.work<unknown, unknown, typeof workOptions>(def.name, workOptions, (jobs) =>
        Promise.all(jobs.map((job) => runOne(def, job, opts.getApp))),
      );
    }
  }

  async function settle(name: string, job: JobWithMetadata<unknown>, result: JobResult): Promise<void> {
    const attempt = { id: job.id, retryCount: job.retryCount };
    if (result.status === "completed") await boss.complete(name, attempt);
    // No public API dead-letters a fetched job directly, so inline a rejected payload just fails
    // (and burns its retries); workers route it to the dead-letter queue at once.
    else await boss.fail(name, attempt, result.output ?? null);
  }

  const runner: JobRunner<C> = {
    get started() {
      return started;
    },
    get working() {
      return working;
    },

    start() {
      if (started) return Promise.resolve();
      starting ??= doStart().finally(() => {
        starting = null;
      });
      return starting;
    },

    async stop() {
      if (starting) await starting.catch(() => undefined);
      if (!started) return;
      // Graceful: workers stop fetching, running batches finish (up to the timeout), then the pool closes.
      await boss.stop({ graceful: true, timeout: opts.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS });
      started = false;
      working = false;
      logger.info("job runner stopped");
    },

    async enqueue(job, payload, enqueueOpts = {}) {
      requireStarted();
      if (!defs.has(job.name)) throw new Error(`Job "${job.name}" is not registered with this runner`);
      const parsed = job.payload.safeParse(payload);
      if (!parsed.success) throw errors.validation(zodIssues(parsed.error), `Invalid payload for job ${job.name}.`);
      const sendOptions: SendOptions = {};
      if (enqueueOpts.startAfterSeconds) sendOptions.startAfter = enqueueOpts.startAfterSeconds;
      if (enqueueOpts.singletonKey) sendOptions.singletonKey = enqueueOpts.singletonKey;
      if (enqueueOpts.singletonSeconds) sendOptions.singletonSeconds = enqueueOpts.singletonSeconds;
      const tx = enqueueOpts.tx;
      if (tx) sendOptions.db = { executeSql: (text, values) => tx.client.query(text, values) };
      return boss.send(job.name, parsed.data, sendOptions);
    },

    async drain(drainOpts = {}) {
      requireStarted();
      const maxJobs = drainOpts.maxJobs ?? 10_000;
      let processed = 0;
      let failed = 0;
      let fetchedAny = true;
      while (fetchedAny && processed < maxJobs) {
        fetchedAny = false;
        for (const def of defs.values()) {
          const batchSize = Math.min(DRAIN_FETCH_SIZE, maxJobs - processed);
          if (batchSize <= 0) break;
          const jobs = await boss.fetch<unknown>(def.name, { batchSize, includeMetadata: true, ignoreStartAfter: drainOpts.includeDelayed ?? false });
          fetchedAny ||= jobs.length > 0;
          for (const job of jobs) {
            const result = await runOne(def, job, opts.getApp);
            await settle(def.name, job, result);
            processed++;
            if (result.status !== "completed") failed++;
          }
        }
      }
      return { processed, failed };
    },

    async overview(scope) {
      requireStarted();
      const names = [...defs.values()].flatMap((d) => (usesDeadLetter(d) ? [d.name, deadLetterName(d.name)] : [d.name]));
      const queues = await Promise.all(names.map((name) => queueSummary(boss, name, defs.get(name))));
      const failed = await listFailedJobs(boss.getDb(), schema, names, [...deadLetters], scope?.workspaceId ?? null);
      return { queues, failed, runnerStarted: started };
    },

    async retry(queue, id, scope) {
      requireStarted();
      const isDeadLetter = deadLetters.has(queue);
      if ((!defs.has(queue) && !isDeadLetter) || !UUID.test(id)) throw errors.notFound("Job");
      const [job] = await boss.findJobs(queue, { id });
      if (!job) throw errors.notFound("Job");
      if (scope && (job.data as { workspaceId?: unknown } | null)?.workspaceId !== scope.workspaceId) throw errors.notFound("Job");
      if (isDeadLetter) return redriveDeadJob(boss, queue, job);
      if (job.state !== "failed") throw errors.invalidState("Only failed jobs can be retried.");
      // Its copy waits in the dead-letter queue; retrying both would run the job twice.
      if (job.deadLetter && deadLetters.has(job.deadLetter)) {
        throw errors.invalidState(`This job was dead-lettered; retry its copy in ${job.deadLetter}.`);
      }
      await boss.retry(queue, id);
      logger.info({ queue, jobId: id }, "failed job retried by an operator");
    },

    async health() {
      if (!started) return { ok: false, detail: "job runner not started" };
      try {
        await boss.getDb().executeSql("SELECT 1");
        return { ok: true, detail: working ? `working ${defs.size} queue(s)` : "enqueue only (workers off)" };
      } catch (err) {
        return { ok: false, detail: `job database unreachable: ${errorText(err)}` };
      }
    },
  };
  return runner;
}


/** Creates or updates a job's queue (and its dead-letter queue first) so config changes apply on deploy. */
async function ensureQueues<C>(boss: PgBoss, def: AnyJobDefinition<C>): Promise<void> {
  const dead = usesDeadLetter(def) ? deadLetterName(def.name) : null;
  if (dead) {
    // Nobody works the dead-letter queue: jobs wait there for an operator's retry, then expire.
    await upsertQueue(boss, dead, { retryLimit: 0, retentionSeconds: DEAD_LETTER_RETENTION_SECONDS }, {});
  }
  const options = {
    retryLimit: def.retryLimit ?? JOB_DEFAULTS.retryLimit,
    retryDelay: def.retryDelaySeconds ?? JOB_DEFAULTS.retryDelaySeconds,
    retryBackoff: def.retryBackoff ?? JOB_DEFAULTS.retryBackoff,
    expireInSeconds: def.expireInSeconds ?? JOB_DEFAULTS.expireInSeconds,
  };
  await upsertQueue(boss, def.name, options, { deadLetter: dead });
}

async function upsertQueue(
  boss: PgBoss,
  name: string,
  options: { retryLimit: number; retryDelay?: number; retryBackoff?: boolean; expireInSeconds?: number; retentionSeconds?: number },
  link: { deadLetter?: string | null },
): Promise<void> {
  // createQueue ignores options for an existing queue, so existing ones are updated instead. pg-boss
  // rejects a present-but-undefined deadLetter key, so it is only spread in when set.
  if (await boss.getQueue(name)) await boss.updateQueue(name, { ...options, ...link });
  else await boss.createQueue(name, link.deadLetter ? { ...options, deadLetter: link.deadLetter } : options);
}

async function registerSchedule<C>(boss: PgBoss, def: AnyJobDefinition<C>): Promise<void> {
  if (!def.cron) {
    // A job that lost its cron must stop firing; unscheduling a missing schedule is a no-op.
    await boss.unschedule(def.name);
    return;
  }
  if (!def.payload.safeParse({}).success) throw new Error(`Cron job ${def.name} must accept the empty payload {}`);
  await boss.schedule(def.name, def.cron, {}, { tz: "UTC" });
}

/** Validates, performs and classifies one job; never throws, so batch mates are unaffected. */
async function runOne<C>(def: AnyJobDefinition<C>, job: JobWithMetadata<unknown>, getApp: () => C): Promise<JobResult> {
  const log = { jobId: job.id, queue: def.name, attempt: job.retryCount + 1 };
  const parsed = def.payload.safeParse(job.data);
  if (!parsed.success) {
    jobsProcessed.inc({ queue: def.name, outcome: "rejected" });
    logger.error({ ...log, issues: zodIssues(parsed.error) }, "job payload does not match its schema; dead-lettering");
    return { id: job.id, status: "deadletter", output: { message: `Invalid payload: ${parsed.error.message}` } };
  }
  try {
    await withDeadline(job, (signal) => def.perform(parsed.data, { jobId: job.id, attempt: log.attempt, app: getApp(), signal }));
    jobsProcessed.inc({ queue: def.name, outcome: "completed" });
    return { id: job.id, status: "completed" };
  } catch (err) {
    const final = job.retryCount >= job.retryLimit;
    const outcome: Outcome = final ? "failed" : "retry";
    jobsProcessed.inc({ queue: def.name, outcome });
    if (final) logger.error({ ...log, err }, "job failed after its last retry");
    else logger.warn({ ...log, err }, "job failed; will retry");
    return { id: job.id, status: "failed", output: errorOutput(err) };
  }
}

/**
 * Runs `perform` under the job's own expiry. pg-boss bounds a whole batch by its longest expiry and
 * fails every job in it when that passes, so a hung job is cut off here first, on its own.
 */
async function withDeadline(job: JobWithMetadata<unknown>, run: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const ms = Math.max(250, job.expireInSeconds * 1000 - 500);
  const timeout = new AbortController();
  // fetch() (drain) hands out jobs without a signal; work() adds one that shutdown aborts.
  const signal = job.signal ? AbortSignal.any([job.signal, timeout.signal]) : timeout.signal;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new Error(`Job exceeded its ${job.expireInSeconds}s limit`);
      timeout.abort(err);
      reject(err);
    }, ms);
  });
  try {
    await Promise.race([run(signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message, code: issue.code }));
}

function errorOutput(err: unknown): { name: string; message: string; stack?: string } {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: "Error", message: errorText(err) };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
