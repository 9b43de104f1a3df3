import type { CacheService } from "./cache.types";

/**
 * JSON encoding, TTL defaults and single-flight `getOrSet`, shared by both backends; a backend only
 * stores strings.
 */
export abstract class BaseCache implements CacheService {
  abstract readonly backend: "memory" | "redis";
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(protected readonly defaultTtlSeconds: number) {}

  protected abstract getRaw(key: string): Promise<string | undefined>;
  protected abstract setRaw(key: string, raw: string, ttlMs: number): Promise<void>;
  abstract delete(key: string): Promise<boolean>;
  abstract has(key: string): Promise<boolean>;
  abstract clear(): Promise<void>;
  abstract deletePattern(pattern: string): Promise<number>;
  abstract cleanup(): Promise<void>;
  abstract close(): Promise<void>;

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.getRaw(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  async set<T>(key: string, value: T, ttlSeconds?: number): Promise<void> {
    await this.store(key, value, ttlSeconds);
  }

  async getOrSet<T>(key: string, loader: () => Promise<T>, ttlSeconds?: number): Promise<T> {
    const pending = this.inflight.get(key);
    if (pending) return pending as Promise<T>;
    const hit = await this.get<T>(key);
    if (hit !== undefined) return hit;
    // Another caller may have started the load while we were reading.
    const started = this.inflight.get(key);
    if (started) return started as Promise<T>;
    const load = (async () => {
      try {
        const value = await loader();
        if (value === undefined) return value;
        const raw = await this.store(key, value, ttlSeconds);
        // Every caller, first or not, sees the value as the cache will return it later.
        return raw === undefined ? value : (JSON.parse(raw) as T);
      } finally {
        this.inflight.delete(key);
      }
    })();
    this.inflight.set(key, load);
    return load;
  }

  private async store<T>(key: string, value: T, ttlSeconds?: number): Promise<string | undefined> {
    const raw = value === undefined ? undefined : JSON.stringify(value);
    const ttlMs = Math.round((ttlSeconds ?? this.defaultTtlSeconds) * 1000);
    if (raw === undefined || ttlMs <= 0) {
      await this.delete(key);
      return undefined;
    }
    await this.setRaw(key, raw, ttlMs);
    return raw;
  }
}

/** Compiles a cache glob (`*`, `?`; everything else literal) to an anchored RegExp. */
export function globToRegExp(pattern: string): RegExp {
  let source = "";
  for (const ch of pattern) {
    if (ch === "*") source += ".*";
    else if (ch === "?") source += ".";
    else source += ch.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "s");
}

/** Escapes Redis glob metacharacters other than `*` and `?` so both backends read patterns alike. */
export function toRedisGlob(pattern: string, { literal = false } = {}): string {
  return pattern.replace(literal ? /[*?[\]\\]/g : /[[\]\\]/g, "\\$&");
}
