import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../shared/errors";
import { type AnyJobDefinition, createJobRunner, type JobRunner, type JobRunnerOptions } from "../../server/jobs/runner";
import { defineJob } from "../../server/jobs/define-job";
import { createTestDatabase } from "../setup/test-db";


interface TestApp {
  label: string;
}

const app: TestApp = { label: "test-app" };

describe("job runner (pg-boss on a real PostgreSQL)", () => {
  let database: { url: string; drop: () => Promise<void> };
  let pool: pg.Pool;
  const runners: JobRunner<TestApp>[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    pool.on("error", () => undefined); // idle clients may be cut when the database is dropped
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  /** A started runner over `jobs`; workers off unless asked. Stopped after each test. */
  async function startRunner(jobs: AnyJobDefinition<TestApp>[], extra: Partial<JobRunnerOptions<TestApp>> = {}) {
    const runner = createJobRunner<TestApp>({ connectionString: database.url, jobs, getApp: () => app, work: false, ...extra });
    runners.push(runner);
    await runner.start();
    return runner;
  }

  async function countJobs(queue: string): Promise<number> {
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1", [queue]);
    return rows[0].n;
  }

  async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error("condition not met in time");
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it("performs an enqueued job on drain with the parsed payload and the app context", async () => {
    const seen: Array<{ payload: unknown; attempt: number; app: TestApp }> = [];
    const greet = defineJob<{ name: string }, TestApp>({
      name: "test.greet",
      payload: z.object({ name: z.string().trim().min(1) }),
      async perform(payload, ctx) {
        seen.push({ payload, attempt: ctx.attempt, app: ctx.app });
      },
    });
    const runner = await startRunner([greet]);

    const id = await runner.enqueue(greet, { name: "  Ada  " });

    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await runner.drain()).toEqual({ processed: 1, failed: 0 });
    expect(seen).toEqual([{ payload: { name: "Ada" }, attempt: 1, app }]);
    expect(await runner.drain()).toEqual({ processed: 0, failed: 0 });
    const { queues } = await runner.overview();
    expect(queues).toContainEqual({ name: "test.greet", queued: 0, active: 0, completed: 1, failed: 0, deadLetter: "test.greet.dead" });
  });

  it("refuses a bad payload at enqueue with validation_failed and queues nothing", async () => {
    const job = defineJob<{ count: number }, TestApp>({
      name: "test.strict",
      payload: z.object({ count: z.number().int().positive() }),
      async perform() {},
    });
    const runner = await startRunner([job]);

    const attempt = runner.enqueue(job, { count: -1 });

    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "validation_failed", details: { issues: [{ path: "count" }] } });
    expect(await countJobs("test.strict")).toBe(0);
  });

  it("enqueues through a transaction: rollback leaves no job, commit leaves exactly one", async () => {
    const job = defineJob<{ n: number }, TestApp>({ name: "test.tx", payload: z.object({ n: z.number() }), async perform() {} });
    const runner = await startRunner([job]);

    const rolledBack = await pool.connect();
    try {
      await rolledBack.query("BEGIN");
      expect(await runner.enqueue(job, { n: 1 }, { tx: { client: rolledBack } })).toBeTruthy();
      await rolledBack.query("ROLLBACK");
    } finally {
      rolledBack.release();
    }
    expect(await countJobs("test.tx")).toBe(0);

    const committed = await pool.connect();
    try {
      await committed.query("BEGIN");
      await runner.enqueue(job, { n: 2 }, { tx: { client: committed } });
      // Invisible to everyone else until the surrounding change commits.
      expect(await countJobs("test.tx")).toBe(0);
      await committed.query("COMMIT");
    } finally {
      committed.release();
    }
    expect(await countJobs("test.tx")).toBe(1);
  });

  it("retries a throwing job with backoff, then dead-letters it and lists it in overview().failed", async () => {
    const attempts: number[] = [];
    const job = defineJob<{ orderId: string }, TestApp>({
      name: "test.flaky",
      payload: z.object({ orderId: z.string() }),
      retryLimit: 2,
      retryDelaySeconds: 5,
      retryBackoff: true,
      async perform(_payload, ctx) {
        attempts.push(ctx.attempt);
        throw new Error("provider said no");
      },
    });
    const runner = await startRunner([job]);
    const id = await runner.enqueue(job, { orderId: "o-1" });

    expect(await runner.drain()).toEqual({ processed: 1, failed: 1 });
    const { rows } = await pool.query("SELECT state::text, start_after > now() + interval '4 seconds' AS backed_off FROM pgboss.job WHERE id = $1", [id]);
    expect(rows[0]).toEqual({ state: "retry", backed_off: true });
    // A backed-off retry is not ready, so a plain drain leaves it alone.
    expect(await runner.drain()).toEqual({ processed: 0, failed: 0 });

    expect(await runner.drain({ includeDelayed: true })).toEqual({ processed: 2, failed: 2 });
    expect(attempts).toEqual([1, 2, 3]);

    const overview = await runner.overview();
    expect(overview.failed).toHaveLength(1);
    expect(overview.failed[0]).toMatchObject({
      queue: "test.flaky.dead",
      state: "dead_letter",
      retryCount: 2,
      error: "provider said no",
      data: { orderId: "o-1" },
    });
    expect(overview.failed[0].completedOn).not.toBeNull();
    expect(overview.queues).toContainEqual({ name: "test.flaky.dead", queued: 1, active: 0, completed: 0, failed: 0, deadLetter: null });
    expect(overview.runnerStarted).toBe(true);
  });

  it("retry() of a dead-lettered job sends it back to its queue where it runs successfully", async () => {
    let broken = true;
    const done: string[] = [];
    const job = defineJob<{ ref: string }, TestApp>({
      name: "test.redrive",
      payload: z.object({ ref: z.string() }),
      retryLimit: 0,
      async perform({ ref }) {
        if (broken) throw new Error("still broken");
        done.push(ref);
      },
    });
    const runner = await startRunner([job]);
    await runner.enqueue(job, { ref: "r-1" });
    await runner.drain();
    const [dead] = (await runner.overview()).failed;
    expect(dead).toMatchObject({ queue: "test.redrive.dead", error: "still broken" });

    broken = false;
    await runner.retry(dead.queue, dead.id);

    expect(await runner.drain()).toEqual({ processed: 1, failed: 0 });
    expect(done).toEqual(["r-1"]);
    expect((await runner.overview()).failed).toEqual([]);
    expect(await countJobs("test.redrive.dead")).toBe(0);
  });

  it("retry() of a failed job without a dead-letter queue runs it once more; unknown jobs are not_found", async () => {
    let broken = true;
    const job = defineJob<{ ref: string }, TestApp>({
      name: "test.plainfail",
      payload: z.object({ ref: z.string() }),
      retryLimit: 0,
      deadLetter: false,
      async perform() {
        if (broken) throw new Error("nope");
      },
    });
    const runner = await startRunner([job]);
    const id = (await runner.enqueue(job, { ref: "x" }))!;
    await runner.drain();
    expect((await runner.overview()).failed).toMatchObject([{ id, queue: "test.plainfail", state: "failed", error: "nope" }]);

    broken = false;
    await runner.retry("test.plainfail", id);
    expect(await runner.drain()).toEqual({ processed: 1, failed: 0 });

    await expect(runner.retry("test.plainfail", "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    await expect(runner.retry("no.such.queue", id)).rejects.toMatchObject({ code: "not_found" });
    await expect(runner.retry("test.plainfail", id)).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("deduplicates by singletonKey within a singletonSeconds slot: the duplicate returns null", async () => {
    const job = defineJob<{ userId: string }, TestApp>({ name: "test.digest", payload: z.object({ userId: z.string() }), async perform() {} });
    const runner = await startRunner([job]);

    const first = await runner.enqueue(job, { userId: "u1" }, { singletonKey: "u1", singletonSeconds: 300 });
    const duplicate = await runner.enqueue(job, { userId: "u1" }, { singletonKey: "u1", singletonSeconds: 300 });
    const otherKey = await runner.enqueue(job, { userId: "u2" }, { singletonKey: "u2", singletonSeconds: 300 });

    expect(first).toBeTruthy();
    expect(duplicate).toBeNull();
    expect(otherKey).toBeTruthy();
    expect(await countJobs("test.digest")).toBe(2);
  });

  it("refuses retry() of an original whose copy waits in the dead-letter queue (it would run twice)", async () => {
    const job = defineJob<{ ref: string }, TestApp>({
      name: "test.original",
      payload: z.object({ ref: z.string() }),
      retryLimit: 0,
      async perform() {
        throw new Error("down");
      },
    });
    const runner = await startRunner([job]);
    const id = (await runner.enqueue(job, { ref: "a" }))!;
    await runner.drain();

    await expect(runner.retry("test.original", id)).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("dead-letters at once, without retries, a queued payload that no longer matches the job's schema", { timeout: 15_000 }, async () => {
    const performed: unknown[] = [];
    const lenient = defineJob<{ v: unknown }, TestApp>({ name: "test.schema", payload: z.object({ v: z.unknown() }), async perform() {} });
    const producer = await startRunner([lenient]);
    await producer.enqueue(lenient, { v: "not-a-number" });
    await producer.stop();
    runners.splice(runners.indexOf(producer), 1);

    const strict = defineJob<{ v: number }, TestApp>({
      name: "test.schema",
      payload: z.object({ v: z.number() }),
      retryLimit: 3,
      async perform(payload) {
        performed.push(payload);
      },
    });
    const worker = await startRunner([strict], { work: true });

    await waitFor(async () => (await countJobs("test.schema.dead")) === 1, 10_000);
    expect(performed).toEqual([]);
    const { rows } = await pool.query("SELECT state::text, retry_count FROM pgboss.job WHERE name = 'test.schema'");
    expect(rows).toEqual([{ state: "failed", retry_count: 0 }]);
    expect((await worker.overview()).failed[0]).toMatchObject({ queue: "test.schema.dead", error: expect.stringContaining("Invalid payload") });
  });

  it("with workers and batch fetching, completes 500 trivial jobs", { timeout: 30_000 }, async () => {
    const seen = new Set<number>();
    const job = defineJob<{ i: number }, TestApp>({
      name: "test.bulk",
      payload: z.object({ i: z.number().int() }),
      async perform({ i }) {
        seen.add(i);
      },
    });
    const runner = await startRunner([job], { work: true, batchSize: 50 });
    expect(runner.working).toBe(true);

    for (let start = 0; start < 500; start += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => runner.enqueue(job, { i: start + k })));
    }

    await waitFor(() => seen.size === 500, 20_000);
    await waitFor(async () => (await pool.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.bulk' AND state = 'completed'")).rows[0].n === 500, 5_000);
  });

  it("settles each job of a batch on its own: one failure does not re-run its batch mates", { timeout: 15_000 }, async () => {
    const runs = new Map<number, number>();
    const job = defineJob<{ i: number }, TestApp>({
      name: "test.batchmates",
      payload: z.object({ i: z.number().int() }),
      retryLimit: 1,
      retryDelaySeconds: 0,
      retryBackoff: false,
      async perform({ i }) {
        runs.set(i, (runs.get(i) ?? 0) + 1);
        if (i === 3) throw new Error("only three fails");
      },
    });
    const runner = await startRunner([job]);
    for (let i = 0; i < 10; i++) await runner.enqueue(job, { i });
    await runner.stop();
    runners.splice(runners.indexOf(runner), 1);

    const worker = await startRunner([job], { work: true, batchSize: 10 });
    expect(worker.working).toBe(true);

    await waitFor(() => runs.get(3) === 2 && runs.size === 10, 10_000);
    await waitFor(async () => (await pool.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.batchmates' AND state = 'failed'")).rows[0].n === 1, 5_000);
    for (let i = 0; i < 10; i++) expect(runs.get(i)).toBe(i === 3 ? 2 : 1);
  });

  it("stop() waits for a running job to finish before resolving", { timeout: 15_000 }, async () => {
    let started = false;
    let finished = false;
    const job = defineJob<{ ms: number }, TestApp>({
      name: "test.slow",
      payload: z.object({ ms: z.number() }),
      async perform({ ms }) {
        started = true;
        await new Promise((r) => setTimeout(r, ms));
        finished = true;
      },
    });
    const runner = await startRunner([job], { work: true });
    const id = await runner.enqueue(job, { ms: 800 });
    await waitFor(() => started, 5_000);

    await runner.stop();

    expect(finished).toBe(true);
    expect(runner.started).toBe(false);
    expect(runner.working).toBe(false);
    const { rows } = await pool.query("SELECT state::text FROM pgboss.job WHERE id = $1", [id]);
    expect(rows[0].state).toBe("completed");
  });

  it("registers a cron schedule at start and removes it when the job drops its cron", async () => {
    const base = { name: "test.nightly", payload: z.object({}), async perform() {} };
    const scheduled = defineJob<Record<string, never>, TestApp>({ ...base, cron: "0 3 * * *" });
    const runner = await startRunner([scheduled]);

    const { rows } = await pool.query("SELECT name, cron, timezone FROM pgboss.schedule");
    expect(rows).toEqual([{ name: "test.nightly", cron: "0 3 * * *", timezone: "UTC" }]);

    await runner.stop();
    await startRunner([defineJob<Record<string, never>, TestApp>(base)]);
    expect((await pool.query("SELECT count(*)::int AS n FROM pgboss.schedule")).rows[0].n).toBe(0);
  });

  it("reports health: ok once started, not ok after stop", async () => {
    const job = defineJob<{ n: number }, TestApp>({ name: "test.health", payload: z.object({ n: z.number() }), async perform() {} });
    const runner = await startRunner([job]);

    expect(await runner.health()).toEqual({ ok: true, detail: "enqueue only (workers off)" });
    await runner.stop();
    expect(await runner.health()).toMatchObject({ ok: false });
  });
});
