import { Redis } from "ioredis";
import { logger } from "../logger";
import { BaseCache, toRedisGlob } from "./base-cache";

export interface RedisCacheOptions {
  /** redis://… URL. */
  url: string;
  /** Prepended to every key (a ":" is added if missing), so apps and test files share one Redis without clashing. */
  prefix?: string;
  /** Default entry lifetime (seconds). */
  ttlSeconds?: number;
  /** A command taking longer fails (reads then count as misses). */
  commandTimeoutMs?: number;
}

const SCAN_BATCH = 500;
const WARN_INTERVAL_MS = 10_000;

/**
 * Redis-backed cache shared by every process. A Redis outage degrades reads to misses and drops
 * writes (both logged) rather than failing requests; invalidations (delete, deletePattern, clear)
 * do throw, because silently keeping stale permissions would be worse than an error.
 */
export class RedisCache extends BaseCache {
  readonly backend = "redis" as const;
  readonly prefix: string;
  private readonly redis: Redis;
  private lastWarnAt = 0;

  constructor(opts: RedisCacheOptions) {
    super(opts.ttlSeconds ?? 300);
    const prefix = opts.prefix ?? "agency-os:cache";
    this.prefix = prefix.endsWith(":") ? prefix : `${prefix}:`;
    this.redis = new Redis(opts.url, {
      maxRetriesPerRequest: 1,
      commandTimeout: opts.commandTimeoutMs ?? 1_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.redis.on("error", (err) => this.warn("redis connection error", err));
  }

  protected async getRaw(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch (err) {
      this.warn("cache read failed; treating as a miss", err);
      return undefined;
    }
  }

  protected async setRaw(key: string, raw: string, ttlMs: number): Promise<void> {
    try {
      await this.redis.set(this.prefix + key, raw, "PX", ttlMs);
    } catch (err) {
      this.warn("cache write failed; value not cached", err);
    }
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.unlink(this.prefix + key)) > 0;
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.prefix + key)) > 0;
    } catch (err) {
      this.warn("cache read failed; treating as a miss", err);
      return false;
    }
  }

  async clear(): Promise<void> {
    await this.deletePattern("*");
  }

  async deletePattern(pattern: string): Promise<number> {
    // SCAN walks the keyspace in slices; KEYS would block Redis for every other client.
    const match = toRedisGlob(this.prefix, { literal: true }) + toRedisGlob(pattern);
    let cursor = "0";
    let removed = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", match, "COUNT", SCAN_BATCH);
      if (keys.length > 0) removed += await this.redis.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
    return removed;
  }

  async cleanup(): Promise<void> {
    // Redis expires keys itself.
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      // Already disconnected: nothing left to release.
      this.redis.disconnect();
    }
  }

  private warn(message: string, err: unknown): void {
    // One line per interval: during an outage every request would otherwise log.
    const now = Date.now();
    if (now - this.lastWarnAt < WARN_INTERVAL_MS) return;
    this.lastWarnAt = now;
    logger.warn({ err }, message);
  }
}
