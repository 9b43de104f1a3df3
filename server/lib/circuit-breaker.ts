import {
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  isBrokenCircuitError,
  type RetryPolicy,
  retry,
  TimeoutStrategy,
  timeout,
} from "cockatiel";
import type { BreakerDto } from "../../shared/contracts/admin";
import { errors } from "../../shared/errors";
import { logger } from "./logger";
import { metricsRegistry, promClient } from "./metrics";

/**
 * Every call to an external provider goes through `executeWithCircuit`: one cockatiel circuit breaker
 * per provider, a timeout per attempt and, for idempotent calls only, up to two retries with
 * exponential backoff. Services never see SDK network errors: an open circuit, a timeout or a
 * provider-side failure (network error, 408/429/5xx, SMTP 4xx) becomes `integration_unavailable`;
 * anything else (other 4xx, SMTP 5xx rejections, SDK validation errors) passes through unchanged and
 * does not count against the breaker.
 */

export const PROVIDERS = ["smtp", "twilio", "stripe", "openai", "google", "microsoft"] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface BreakerSettings {
  /** Timeout of one attempt. */
  timeoutMs: number;
  /** How long an open circuit rejects calls before letting one test call through. */
  halfOpenAfterMs: number;
  /** Consecutive provider failures that open the circuit. */
  consecutiveFailures: number;
  /** Retries of an idempotent call (total attempts = retries + 1). */
  maxRetries: number;
  /** First backoff delay of the retries; later ones grow exponentially (with jitter). */
  retryInitialDelayMs: number;
  /** Ceiling of one backoff delay. */
  retryMaxDelayMs: number;
}

export interface ExecuteOptions {
  /** Safe to repeat (reads, or writes carrying an idempotency key): enables retries. */
  idempotent?: boolean;
  /** Overrides the configured per-attempt timeout. */
  timeoutMs?: number;
}

type Outcome = "success" | "failure" | "timeout" | "rejected" | "client_error";

interface BreakerEntry {
  policy: CircuitBreakerPolicy;
  failures: number;
  successes: number;
  rejections: number;
  lastFailureAt: Date | null;
}

const DEFAULT_SETTINGS: BreakerSettings = {
  timeoutMs: 10_000,
  halfOpenAfterMs: 30_000,
  consecutiveFailures: 5,
  maxRetries: 2,
  retryInitialDelayMs: 200,
  retryMaxDelayMs: 2_000,
};

const STATE_NAMES: Record<CircuitState, BreakerDto["state"]> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half_open",
  [CircuitState.Isolated]: "isolated",
};

let settings: BreakerSettings = { ...DEFAULT_SETTINGS };
let retryPolicy: RetryPolicy = buildRetryPolicy();
const breakers = new Map<Provider, BreakerEntry>();

const breakerState = new promClient.Gauge({
  name: "agency_os_breaker_state",
  help: "Circuit breaker state per provider (0 closed, 1 open, 2 half-open, 3 isolated)",
  labelNames: ["provider"] as const,
  registers: [metricsRegistry],
  collect() {
    for (const provider of PROVIDERS) this.set({ provider }, entryFor(provider).policy.state);
  },
});

const breakerCalls = new promClient.Counter({
  name: "agency_os_breaker_calls_total",
  help: "Attempts through each provider's breaker by outcome (success, failure, timeout, rejected, client_error)",
  labelNames: ["provider", "outcome"] as const,
  registers: [metricsRegistry],
});

/**
 * True for cockatiel's timeout error. Not cockatiel's own `isTaskCancelledError`: in 3.2.1 it tests for
 * the `isBulkheadRejectedError` marker, so it never recognises a timeout.
 */
function isTimeoutError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { isTaskCancelledError?: unknown }).isTaskCancelledError === true;
}

/** Status (or SMTP reply code) carried by an SDK error, when there is one. */
function statusOf(error: unknown): { http?: number; smtp?: number } {
  if (typeof error !== "object" || error === null) return {};
  const e = error as { status?: unknown; statusCode?: unknown; responseCode?: unknown; response?: { status?: unknown } };
  const http = [e.status, e.statusCode, e.response?.status].find((v): v is number => typeof v === "number");
  const smtp = typeof e.responseCode === "number" ? e.responseCode : undefined;
  return { http, smtp };
}

// Error codes and SDK error classes that mean "no usable answer from the provider" (network, DNS, TLS).
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "ENETDOWN",
  // nodemailer's connection-level codes
  "ECONNECTION",
  "ESOCKET",
  "EDNS",
  "ETLS",
  "EPROTOCOL",
]);
const NETWORK_ERROR_TYPES = new Set([
  "APIConnectionError",
  "APIConnectionTimeoutError",
  "StripeConnectionError",
  "FetchError",
  "ConnectTimeoutError",
  "SocketError",
  "HeadersTimeoutError",
  "BodyTimeoutError",
]);

function isNetworkError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const e = current as { code?: unknown; name?: unknown; type?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === "string" && (NETWORK_CODES.has(e.code) || e.code.startsWith("UND_ERR_"))) return true;
    const kinds = [e.name, e.type, current.constructor?.name];
    if (kinds.some((kind) => typeof kind === "string" && NETWORK_ERROR_TYPES.has(kind))) return true;
    if (current instanceof TypeError && e.message === "fetch failed") return true;
    current = e.cause;
  }
  return false;
}

/**
 * True when an error means the provider is unreachable or failing, as opposed to rejecting our request
 * (4xx, SMTP 5xx) or a bug on our side (an SDK validation error): only the former trip the breaker,
 * are retried and become `integration_unavailable`.
 */
export function isProviderFailure(error: unknown): boolean {
  if (isTimeoutError(error)) return true;
  const { http, smtp } = statusOf(error);
  // Graph reports "no response" as statusCode -1.
  if (http === -1) return true;
  if (http !== undefined && http > 0) return http === 408 || http === 429 || http >= 500;
  // SMTP 4xx replies are transient (421 service not available, 451 local error); 5xx are permanent rejections.
  if (smtp !== undefined) return smtp >= 400 && smtp < 500;
  return isNetworkError(error);
}

function buildRetryPolicy(): RetryPolicy {
  return retry(
    handleWhen((error) => !isBrokenCircuitError(error) && isProviderFailure(error)),
    {
      maxAttempts: settings.maxRetries,
      backoff: new ExponentialBackoff({ initialDelay: settings.retryInitialDelayMs, maxDelay: settings.retryMaxDelayMs }),
    },
  );
}

function createEntry(provider: Provider): BreakerEntry {
  const policy = circuitBreaker(handleWhen(isProviderFailure), {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.consecutiveFailures),
  });
  policy.onStateChange((state) => {
    breakerState.set({ provider }, state);
    const level = state === CircuitState.Open ? "warn" : "info";
    logger[level]({ provider, state: STATE_NAMES[state] }, "circuit breaker state changed");
  });
  return { policy, failures: 0, successes: 0, rejections: 0, lastFailureAt: null };
}

function entryFor(provider: Provider): BreakerEntry {
  let entry = breakers.get(provider);
  if (!entry) {
    entry = createEntry(provider);
    breakers.set(provider, entry);
  }
  return entry;
}

function record(provider: Provider, entry: BreakerEntry, outcome: Outcome): void {
  breakerCalls.inc({ provider, outcome });
  if (outcome === "success") entry.successes++;
  else if (outcome === "rejected") entry.rejections++;
  else if (outcome === "failure" || outcome === "timeout") {
    entry.failures++;
    entry.lastFailureAt = new Date();
  }
}

function classify(error: unknown): Outcome {
  if (isBrokenCircuitError(error)) return "rejected";
  if (isTimeoutError(error)) return "timeout";
  return isProviderFailure(error) ? "failure" : "client_error";
}

/** Runs `fn` against `provider` behind its circuit breaker, with a timeout and (if idempotent) retries. */
export async function executeWithCircuit<T>(
  provider: Provider,
  fn: (signal: AbortSignal) => Promise<T>,
  opts: ExecuteOptions = {},
): Promise<T> {
  const entry = entryFor(provider);
  // Aggressive: the call is abandoned when the timer fires even if the SDK ignores the signal.
  const attemptTimeout = timeout(opts.timeoutMs ?? settings.timeoutMs, TimeoutStrategy.Aggressive);
  const attempt = async (signal: AbortSignal): Promise<T> => {
    try {
      const value = await entry.policy.execute(() => attemptTimeout.execute((ctx) => fn(ctx.signal)), signal);
      record(provider, entry, "success");
      return value;
    } catch (error) {
      record(provider, entry, classify(error));
      throw error;
    }
  };
  try {
    return opts.idempotent ? await retryPolicy.execute((ctx) => attempt(ctx.signal)) : await attempt(new AbortController().signal);
  } catch (error) {
    if (isBrokenCircuitError(error) || isProviderFailure(error)) {
      const appError = errors.integrationUnavailable(provider);
      // Non-enumerable like `new Error(msg, { cause })`. Log the wrapper, never the raw SDK error: pino
      // prints a cause's message and stack only, while raw errors (axios, gaxios) carry request
      // configs with credentials (Twilio's basic auth, users' bearer tokens).
      Object.defineProperty(appError, "cause", { value: error, enumerable: false, writable: true, configurable: true });
      if (!isBrokenCircuitError(error)) logger.warn({ provider, err: appError }, "integration call failed");
      throw appError;
    }
    throw error;
  }
}

/** Current state and counters of every provider's breaker (Admin → System). */
export function getBreakerSnapshots(): BreakerDto[] {
  return PROVIDERS.map((provider) => {
    const entry = entryFor(provider);
    return {
      provider,
      state: STATE_NAMES[entry.policy.state],
      failures: entry.failures,
      successes: entry.successes,
      rejections: entry.rejections,
      lastFailureAt: entry.lastFailureAt ? entry.lastFailureAt.toISOString() : null,
    };
  });
}

/** Applies timeouts and thresholds (boot, or tests that need fast breakers); rebuilds every breaker. */
export function configureBreakers(next: Partial<BreakerSettings> & { timeoutMs: number }): void {
  const given = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
  settings = { ...DEFAULT_SETTINGS, ...given };
  retryPolicy = buildRetryPolicy();
  breakers.clear();
}

/** Closes every breaker and zeroes its counters, keeping the current settings (tests). */
export function resetBreakers(): void {
  breakers.clear();
  for (const provider of PROVIDERS) breakerState.set({ provider }, CircuitState.Closed);
}

/** Holds a provider's circuit open until the returned handle is disposed (maintenance, incident response). */
export function isolateProvider(provider: Provider): { dispose: () => void } {
  return entryFor(provider).policy.isolate();
}
