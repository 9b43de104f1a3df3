import type { z } from "zod";

/** What `perform` receives beside its payload; `app` is the application's own context (typed by the caller). */
export interface JobRunContext<C = unknown> {
  /** pg-boss job id (stable across retries). */
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** The application context the runner was given (`getApp()`). */
  app: C;
  /** Aborted when the job's time is up or the runner shuts down; pass it to outbound calls. */
  signal: AbortSignal;
}

/** A background job: its queue, payload schema, retry policy and idempotent `perform`. */
export interface JobDefinition<P extends object, C = unknown> {
  /** Queue name, e.g. "email.send". Letters, digits, `.`, `_`, `-` and `/`. */
  name: string;
  /**
   * Validated on enqueue and again before `perform` (a payload that no longer parses is dead-lettered).
   * Jobs done for a workspace carry `workspaceId` in the payload: admin views are scoped by it.
   */
  payload: z.ZodType<P>;
  /** Retries after the first failure; default 5. */
  retryLimit?: number;
  /** Base delay between retries; default 10. */
  retryDelaySeconds?: number;
  /** Exponential backoff from `retryDelaySeconds` (with jitter); default true. */
  retryBackoff?: boolean;
  /** How long one run may take before it is failed (and retried); default 300. */
  expireInSeconds?: number;
  /** Jobs that fail after every retry are copied to `${name}.dead`; default true. */
  deadLetter?: boolean;
  /** Optional schedule (cron expression, UTC); each run gets the payload `{}`. */
  cron?: string;
  /** Does the work. Must be idempotent: a job can run more than once (retries, crashes, expiry). */
  perform(payload: P, ctx: JobRunContext<C>): Promise<void>;
}

/** Queue defaults applied when a definition leaves them out. */
export const JOB_DEFAULTS = {
  retryLimit: 5,
  retryDelaySeconds: 10,
  retryBackoff: true,
  expireInSeconds: 300,
  deadLetter: true,
} as const;

/** Declares a job; returns it unchanged (the identity keeps `P` and `C` inferred at the call site). */
export function defineJob<P extends object, C = unknown>(def: JobDefinition<P, C>): JobDefinition<P, C> {
  return def;
}

/** The dead-letter queue name for a job queue. */
export function deadLetterName(name: string): string {
  return `${name}.dead`;
}

/** Any job definition for app context `C` (the payload type is erased inside the runner). */
export type AnyJobDefinition<C> = JobDefinition<object, C>;

/** Whether a job definition uses a dead-letter queue (the default). */
export function usesDeadLetter(def: { deadLetter?: boolean }): boolean {
  return def.deadLetter ?? JOB_DEFAULTS.deadLetter;
}
