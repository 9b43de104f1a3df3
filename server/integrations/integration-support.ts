import { AppError } from "../../shared/errors";
import { logger } from "../lib/logger";
import type { HealthResult } from "./integration.types";

/** Runs a health probe, turning any error into `{ ok: false }` with a non-secret message. */
export async function probe(provider: string, check: () => Promise<string>): Promise<HealthResult> {
  try {
    return { ok: true, detail: await check() };
  } catch (err) {
    // A summary, not the raw error: SDK errors can carry request configs with credentials.
    logger.warn({ provider, error: describeError(err) }, "integration health check failed");
    return { ok: false, detail: describeError(err) };
  }
}

/** A short, non-secret description of a provider error (status and class, never headers or bodies). */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return "unknown error";
  const e = err as Error & { status?: unknown; statusCode?: unknown; code?: unknown };
  const status = typeof e.status === "number" ? e.status : typeof e.statusCode === "number" ? e.statusCode : undefined;
  const code = typeof e.code === "string" ? e.code : undefined;
  const kind = e.constructor.name && e.constructor.name !== "Error" ? e.constructor.name : e.name;
  const own = [kind, status !== undefined ? `status ${status}` : undefined, code].filter(Boolean).join(", ");
  return e.cause instanceof Error ? `${own} (cause: ${describeError(e.cause)})` : own;
}

/** True when an error is the provider refusing our (missing or wrong) credentials: it answered, so it is reachable. */
export function isAuthRejection(err: unknown): boolean {
  const e = err as { status?: unknown; statusCode?: unknown; code?: unknown } | null;
  return e !== null && typeof e === "object" && (e.status === 401 || e.status === 403 || e.statusCode === 401 || e.statusCode === 403);
}

/** The error an operation throws when its provider has no settings (checked before the breaker, so it never trips it). */
export function notConfigured(label: string, provider: string): AppError {
  return new AppError("service_unavailable", `${label} is not configured.`, { provider });
}
