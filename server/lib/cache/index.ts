import type { CacheConfig, CacheService } from "./cache.types";
import { MemoryCache } from "./memory-cache";
import { RedisCache } from "./redis-cache";

export type { CacheConfig, CacheService } from "./cache.types";
export { CacheKeys } from "./cache-keys";
export { MemoryCache } from "./memory-cache";
export { RedisCache } from "./redis-cache";

/** Builds the process cache: Redis when REDIS_URL is set, else an in-memory LRU. */
export function createCache(config: CacheConfig, opts: { prefix?: string } = {}): CacheService {
  if (config.REDIS_URL) {
    return new RedisCache({ url: config.REDIS_URL, prefix: opts.prefix, ttlSeconds: config.CACHE_TTL_SECONDS });
  }
  return new MemoryCache({ ttlSeconds: config.CACHE_TTL_SECONDS, maxEntries: config.CACHE_MAX_ENTRIES });
}
