import type { RequestHandler } from "express";
import { Redis } from "ioredis";
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { errors } from "../../shared/errors";
import type { Config } from "../config/env";
import { logger } from "../lib/logger";

/**
 * Every limiter of the app. Counters that must hold across restarts and instances (anonymous,
 * sensitive, per-account login, email) live in PostgreSQL, or Redis when REDIS_URL is set. The
 * per-user ceiling for signed-in traffic is in memory per instance: it only stops runaway clients,
 * and a shared store would cost a database write on every request (see ADR 0008).
 */
export interface RateLimiters {
  anonymous: RateLimiterAbstract;
  sensitive: RateLimiterAbstract;
  user: RateLimiterAbstract;
  loginFailures: RateLimiterAbstract;
  loginConsecutive: RateLimiterAbstract;
  loginBlock: RateLimiterAbstract;
  emailPerUser: RateLimiterAbstract;
  /** Public form submissions, keyed by IP and form. */
  formSubmission: RateLimiterAbstract;
  close(): Promise<void>;
}

/** Builds the limiters on the configured store. */
export function createRateLimiters(config: Config, pool: pg.Pool, opts: { keyPrefix?: string } = {}): RateLimiters {
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
  redis?.on("error", (err) => logger.warn({ err }, "rate-limit redis error"));
  const prefix = opts.keyPrefix ?? "rl";
  const shared = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${prefix}:${name}`;
    // If the store is unreachable, fall back to in-memory counting rather than failing requests.
    const insuranceLimiter = new RateLimiterMemory({ keyPrefix, points, duration });
    if (redis) return new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, insuranceLimiter });
    return new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix,
      points,
      duration,
      insuranceLimiter,
    });
  };
  return {
    anonymous: shared("anon", config.RATE_LIMIT_ANON_MAX, config.RATE_LIMIT_ANON_WINDOW_SECONDS),
    sensitive: shared("sensitive", config.RATE_LIMIT_SENSITIVE_MAX, config.RATE_LIMIT_SENSITIVE_WINDOW_SECONDS),
    user: new RateLimiterMemory({ keyPrefix: `${prefix}:user`, points: config.RATE_LIMIT_USER_MAX, duration: config.RATE_LIMIT_USER_WINDOW_SECONDS }),
    loginFailures: shared("login-fail", config.LOGIN_MAX_FAILURES_PER_ACCOUNT, 3600),
    loginConsecutive: shared("login-consec", 1_000_000, 3600),
    loginBlock: shared("login-block", 1, 1),
    emailPerUser: shared("email-user", config.EMAIL_PER_USER_PER_HOUR, 3600),
    formSubmission: shared("form", config.RATE_LIMIT_FORM_MAX, config.RATE_LIMIT_FORM_WINDOW_SECONDS),
    async close() {
      if (redis) await redis.quit().catch(() => undefined);
    },
  };
}

/** Consumes one point; throws 429 with Retry-After when the limit is spent. */
export async function consumeOrThrow(limiter: RateLimiterAbstract, key: string, code: "rate_limited" | "too_many_login_attempts" = "rate_limited"): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw errors.rateLimited(res.msBeforeNext / 1000, code);
    throw res;
  }
}

/** The /api limiter: per user when signed in, per IP otherwise. */
export function apiRateLimit(limiters: RateLimiters): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    const promise = user ? consumeOrThrow(limiters.user, user.id) : consumeOrThrow(limiters.anonymous, req.ip ?? "unknown");
    promise.then(() => next(), next);
  };
}

/** The extra per-IP limit on credential endpoints. */
export function sensitiveRateLimit(limiters: RateLimiters): RequestHandler {
  return (req, _res, next) => {
    consumeOrThrow(limiters.sensitive, req.ip ?? "unknown").then(() => next(), next);
  };
}
