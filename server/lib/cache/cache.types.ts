/**
 * The cache every module uses (auth user, role permissions, workspace settings...). Values are
 * JSON: whatever `get` returns is what `JSON.parse` gives back, on both backends (a Date comes back
 * as its ISO string), so code tested against the memory cache behaves the same against Redis.
 */
export interface CacheService {
  /** Which backend answers; shown in Admin → System. */
  readonly backend: "memory" | "redis";
  /** The cached value, or undefined on a miss. The caller vouches for `T` (nothing is validated). */
  get<T>(key: string): Promise<T | undefined>;
  /** Stores a JSON-serialisable value; `undefined` deletes the key. Default TTL from config. */
  set<T>(key: string, value: T, ttlSeconds?: number): Promise<void>;
  /** Removes a key; true when it existed. */
  delete(key: string): Promise<boolean>;
  /** True when the key is present and not expired. */
  has(key: string): Promise<boolean>;
  /** Removes every key of this cache (only this cache's prefix on Redis). */
  clear(): Promise<void>;
  /**
   * The cached value, or the loader's result stored under the key. A loader returning `undefined`
   * caches nothing; concurrent calls for one key in one process share a single loader call.
   */
  getOrSet<T>(key: string, loader: () => Promise<T>, ttlSeconds?: number): Promise<T>;
  /** Removes the keys matching a glob (`*` any run, `?` one character), e.g. "user:42:*"; returns how many. */
  deletePattern(pattern: string): Promise<number>;
  /** Drops expired entries now (memory); Redis expires keys itself. */
  cleanup(): Promise<void>;
  /** Releases connections; the cache is unusable afterwards. */
  close(): Promise<void>;
}

/** The config fields the cache reads. */
export interface CacheConfig {
  REDIS_URL?: string;
  CACHE_TTL_SECONDS: number;
  CACHE_MAX_ENTRIES: number;
}
