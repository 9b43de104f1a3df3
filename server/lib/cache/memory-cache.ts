import { LRUCache } from "lru-cache";
import { BaseCache, globToRegExp } from "./base-cache";

export interface MemoryCacheOptions {
  /** Default entry lifetime (seconds). */
  ttlSeconds?: number;
  /** Capacity; the least recently used entry goes first. */
  maxEntries?: number;
}

/** In-process LRU cache with per-entry TTL; the default when REDIS_URL is unset (one process only). */
export class MemoryCache extends BaseCache {
  readonly backend = "memory" as const;
  private readonly lru: LRUCache<string, string>;

  constructor(opts: MemoryCacheOptions = {}) {
    const ttlSeconds = opts.ttlSeconds ?? 300;
    super(ttlSeconds);
    this.lru = new LRUCache<string, string>({ max: opts.maxEntries ?? 10_000, ttl: ttlSeconds * 1000 });
  }

  protected async getRaw(key: string): Promise<string | undefined> {
    return this.lru.get(key);
  }

  protected async setRaw(key: string, raw: string, ttlMs: number): Promise<void> {
    this.lru.set(key, raw, { ttl: ttlMs });
  }

  async delete(key: string): Promise<boolean> {
    return this.lru.delete(key);
  }

  async has(key: string): Promise<boolean> {
    return this.lru.has(key);
  }

  async clear(): Promise<void> {
    this.lru.clear();
  }

  async deletePattern(pattern: string): Promise<number> {
    const regex = globToRegExp(pattern);
    // Collect first: deleting while iterating the LRU's key generator skips entries.
    const matches = [...this.lru.keys()].filter((key) => regex.test(key));
    let removed = 0;
    for (const key of matches) if (this.lru.delete(key)) removed++;
    return removed;
  }

  async cleanup(): Promise<void> {
    this.lru.purgeStale();
  }

  async close(): Promise<void> {
    this.lru.clear();
  }
}
