import { BrokenCircuitError, TaskCancelledError } from "cockatiel";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import {
  configureBreakers,
  executeWithCircuit,
  getBreakerSnapshots,
  isolateProvider,
  PROVIDERS,
  resetBreakers,
} from "../../server/lib/circuit-breaker";
import { configureLogger } from "../../server/lib/logger";
import { metricsRegistry } from "../../server/lib/metrics";
import { type HttpFake, startHttpFake } from "../fakes/http-fake";

configureLogger({ level: "silent", pretty: false });

const HALF_OPEN_MS = 150;
const THRESHOLD = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let fake: HttpFake;

/** A provider call against the fake: JSON on 2xx, an error carrying the HTTP status otherwise. */
async function callFake(signal: AbortSignal): Promise<{ ok: boolean }> {
  const res = await fetch(`${fake.url}/ping`, { signal });
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
  return (await res.json()) as { ok: boolean };
}

function snapshot(provider: string) {
  const found = getBreakerSnapshots().find((b) => b.provider === provider);
  if (!found) throw new Error(`no breaker for ${provider}`);
  return found;
}

async function expectUnavailable(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("integration_unavailable");
  return error as AppError;
}

beforeAll(async () => {
  fake = await startHttpFake({
    routes: [["GET", /^\/ping$/, () => ({ body: { ok: true } })]],
    failure: { status: 503, body: { error: "unavailable" } },
    notFound: () => ({ status: 404, body: { error: "not found" } }),
  });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  configureBreakers({
    timeoutMs: 1_000,
    halfOpenAfterMs: HALF_OPEN_MS,
    consecutiveFailures: THRESHOLD,
    retryInitialDelayMs: 5,
    retryMaxDelayMs: 20,
  });
  resetBreakers();
  fake.setMode("ok");
  fake.requests.length = 0;
});

describe("executeWithCircuit", () => {
  it("returns the provider's result and counts a success", async () => {
    expect(await executeWithCircuit("stripe", callFake)).toEqual({ ok: true });
    expect(snapshot("stripe")).toMatchObject({ state: "closed", successes: 1, failures: 0, rejections: 0, lastFailureAt: null });
  });

  it("opens after N consecutive provider failures, then rejects fast with integration_unavailable without calling the provider", async () => {
    fake.setMode("fail");
    for (let i = 0; i < THRESHOLD; i++) {
      const error = await expectUnavailable(executeWithCircuit("stripe", callFake));
      expect((error.cause as { status: number }).status).toBe(503);
    }
    expect(fake.requests).toHaveLength(THRESHOLD);
    expect(snapshot("stripe")).toMatchObject({ state: "open", failures: THRESHOLD });
    expect(snapshot("stripe").lastFailureAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const started = performance.now();
    const rejected = await expectUnavailable(executeWithCircuit("stripe", callFake));
    expect(performance.now() - started).toBeLessThan(50);
    expect(rejected.cause).toBeInstanceOf(BrokenCircuitError);
    expect(rejected.details).toEqual({ provider: "stripe" });
    expect(fake.requests).toHaveLength(THRESHOLD);
    expect(snapshot("stripe").rejections).toBe(1);
  });

  it("keeps each provider's circuit separate", async () => {
    fake.setMode("fail");
    for (let i = 0; i < THRESHOLD; i++) await expectUnavailable(executeWithCircuit("twilio", callFake));
    fake.setMode("ok");
    expect(snapshot("twilio").state).toBe("open");
    expect(await executeWithCircuit("openai", callFake)).toEqual({ ok: true });
    expect(snapshot("openai").state).toBe("closed");
  });

  it("half-opens after the break and closes again when the test call succeeds", async () => {
    fake.setMode("fail");
    for (let i = 0; i < THRESHOLD; i++) await expectUnavailable(executeWithCircuit("google", callFake));
    expect(snapshot("google").state).toBe("open");
    await sleep(HALF_OPEN_MS + 50);
    fake.setMode("ok");
    expect(await executeWithCircuit("google", callFake)).toEqual({ ok: true });
    expect(snapshot("google").state).toBe("closed");
    expect(await executeWithCircuit("google", callFake)).toEqual({ ok: true });
  });

  it("re-opens when the half-open test call fails", async () => {
    fake.setMode("fail");
    for (let i = 0; i < THRESHOLD; i++) await expectUnavailable(executeWithCircuit("microsoft", callFake));
    await sleep(HALF_OPEN_MS + 50);
    await expectUnavailable(executeWithCircuit("microsoft", callFake));
    expect(fake.requests).toHaveLength(THRESHOLD + 1);
    expect(snapshot("microsoft").state).toBe("open");
    await expectUnavailable(executeWithCircuit("microsoft", callFake));
    expect(fake.requests).toHaveLength(THRESHOLD + 1);
  });

  it("times out a hanging provider, aborts the call's signal and counts a failure", async () => {
    fake.setMode("hang");
    let seenSignal: AbortSignal | undefined;
    const started = performance.now();
    const error = await expectUnavailable(
      executeWithCircuit(
        "openai",
        (signal) => {
          seenSignal = signal;
          return callFake(signal);
        },
        { timeoutMs: 100 },
      ),
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(90);
    expect(elapsed).toBeLessThan(600);
    expect(error.cause).toBeInstanceOf(TaskCancelledError);
    expect(seenSignal?.aborted).toBe(true);
    expect(snapshot("openai")).toMatchObject({ failures: 1, successes: 0 });
  });

  it("uses the configured timeout when the call does not override it", async () => {
    configureBreakers({ timeoutMs: 80, halfOpenAfterMs: HALF_OPEN_MS, consecutiveFailures: THRESHOLD });
    fake.setMode("hang");
    const started = performance.now();
    await expectUnavailable(executeWithCircuit("openai", callFake));
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("retries an idempotent call up to twice with backoff", async () => {
    fake.setMode("fail");
    await expectUnavailable(executeWithCircuit("stripe", callFake, { idempotent: true }));
    expect(fake.requests).toHaveLength(3);
  });

  it("never retries a call that is not idempotent", async () => {
    fake.setMode("fail");
    await expectUnavailable(executeWithCircuit("stripe", callFake));
    await expectUnavailable(executeWithCircuit("smtp", callFake, { idempotent: false }));
    expect(fake.requests).toHaveLength(2);
  });

  it("returns the result of a retry that succeeds after a transient failure", async () => {
    let attempts = 0;
    const result = await executeWithCircuit(
      "stripe",
      async (signal) => {
        attempts++;
        if (attempts === 1) throw Object.assign(new Error("ECONNRESET"), { code: "ECONNRESET" });
        return callFake(signal);
      },
      { idempotent: true },
    );
    expect(result).toEqual({ ok: true });
    expect(attempts).toBe(2);
    expect(snapshot("stripe")).toMatchObject({ failures: 1, successes: 1, state: "closed" });
  });

  it("stops retrying once the circuit opens", async () => {
    configureBreakers({ timeoutMs: 1_000, halfOpenAfterMs: HALF_OPEN_MS, consecutiveFailures: 2, retryInitialDelayMs: 5 });
    fake.setMode("fail");
    const error = await expectUnavailable(executeWithCircuit("stripe", callFake, { idempotent: true }));
    expect(error.cause).toBeInstanceOf(BrokenCircuitError);
    expect(fake.requests).toHaveLength(2);
  });

  it("passes client errors (4xx) through unchanged, without retrying or tripping the breaker", async () => {
    const clientError = Object.assign(new Error("No such customer"), { statusCode: 404 });
    let calls = 0;
    for (let i = 0; i < THRESHOLD + 2; i++) {
      await expect(
        executeWithCircuit(
          "stripe",
          async () => {
            calls++;
            throw clientError;
          },
          { idempotent: true },
        ),
      ).rejects.toBe(clientError);
    }
    expect(calls).toBe(THRESHOLD + 2);
    expect(snapshot("stripe")).toMatchObject({ state: "closed", failures: 0 });
  });

  it("counts an unreachable provider (connection refused) as a failure and reports integration_unavailable", async () => {
    const error = await expectUnavailable(executeWithCircuit("openai", (signal) => fetch("http://127.0.0.1:1/", { signal })));
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(snapshot("openai").failures).toBe(1);
  });

  it("passes a bug on our side (no status, not a network error) through unchanged without counting a failure", async () => {
    const bug = new TypeError("timeout must be an integer");
    await expect(executeWithCircuit("openai", () => Promise.reject(bug), { idempotent: true })).rejects.toBe(bug);
    expect(snapshot("openai")).toMatchObject({ failures: 0, state: "closed" });
  });

  it("treats SMTP 4xx replies as provider failures and 5xx replies as rejections of the message", async () => {
    const transient = Object.assign(new Error("421 try later"), { responseCode: 421 });
    const permanent = Object.assign(new Error("550 mailbox unavailable"), { responseCode: 550 });
    await expectUnavailable(executeWithCircuit("smtp", () => Promise.reject(transient)));
    await expect(executeWithCircuit("smtp", () => Promise.reject(permanent))).rejects.toBe(permanent);
    expect(snapshot("smtp").failures).toBe(1);
  });

  it("rejects every call while a provider is isolated", async () => {
    const handle = isolateProvider("twilio");
    await expectUnavailable(executeWithCircuit("twilio", callFake));
    expect(snapshot("twilio").state).toBe("isolated");
    handle.dispose();
    expect(await executeWithCircuit("twilio", callFake)).toEqual({ ok: true });
  });
});

describe("breaker snapshots and metrics", () => {
  it("lists every provider, closed and zeroed after resetBreakers", async () => {
    fake.setMode("fail");
    await expectUnavailable(executeWithCircuit("smtp", callFake));
    resetBreakers();
    const snapshots = getBreakerSnapshots();
    expect(snapshots.map((b) => b.provider)).toEqual([...PROVIDERS]);
    for (const b of snapshots) expect(b).toEqual({ provider: b.provider, state: "closed", failures: 0, successes: 0, rejections: 0, lastFailureAt: null });
  });

  it("exports breaker state and call outcomes to Prometheus", async () => {
    fake.setMode("fail");
    for (let i = 0; i < THRESHOLD; i++) await expectUnavailable(executeWithCircuit("openai", callFake));
    await expectUnavailable(executeWithCircuit("openai", callFake));
    const text = await metricsRegistry.metrics();
    expect(text).toMatch(/agency_os_breaker_state\{provider="openai"\} 1/);
    expect(text).toMatch(/agency_os_breaker_state\{provider="stripe"\} 0/);
    expect(text).toMatch(/agency_os_breaker_calls_total\{provider="openai",outcome="failure"\} \d+/);
    expect(text).toMatch(/agency_os_breaker_calls_total\{provider="openai",outcome="rejected"\} \d+/);
  });
});
