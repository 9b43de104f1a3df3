import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { CacheKeys, type CacheService, createCache, MemoryCache, RedisCache } from "../../server/lib/cache";
import { configureLogger } from "../../server/lib/logger";

configureLogger({ level: "silent", pretty: false });

const REDIS_URL = "redis://127.0.0.1:6379";

/** True when something answers PING on the Redis port within `timeoutMs`. */
function redisAnswers(timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port: 6379 });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
    socket.once("error", () => done(false));
  });
}

const redisUp = await redisAnswers(1_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const backends: Array<{ name: string; available: boolean; make: () => CacheService }> = [
  { name: "MemoryCache", available: true, make: () => new MemoryCache({ ttlSeconds: 60, maxEntries: 5_000 }) },
  {
    name: "RedisCache",
    available: redisUp,
    make: () => new RedisCache({ url: REDIS_URL, prefix: `test:${randomUUID()}:`, ttlSeconds: 60 }),
  },
];

describe.each(backends)("$name", ({ name, available, make }) => {
  describe.skipIf(!available)("CacheService contract", () => {
    let cache: CacheService;

    beforeEach(() => {
      cache = make();
    });

    afterEach(async () => {
      await cache.clear();
      await cache.close();
    });

    it("reports its backend", () => {
      expect(cache.backend).toBe(name === "MemoryCache" ? "memory" : "redis");
    });

    it("returns undefined on a miss and the stored JSON value on a hit", async () => {
      expect(await cache.get("missing")).toBeUndefined();
      await cache.set("k", { a: 1, list: [1, "two"], nested: { ok: true }, none: null });
      expect(await cache.get("k")).toEqual({ a: 1, list: [1, "two"], nested: { ok: true }, none: null });
    });

    it("returns values as JSON gives them back (a Date becomes its ISO string) on every backend", async () => {
      const at = new Date("2024-05-01T10:00:00.000Z");
      await cache.set("dated", { at });
      expect(await cache.get("dated")).toEqual({ at: "2024-05-01T10:00:00.000Z" });
    });

    it("caches null but treats set(undefined) as a delete", async () => {
      await cache.set("nothing", null);
      expect(await cache.has("nothing")).toBe(true);
      expect(await cache.get("nothing")).toBeNull();
      await cache.set("nothing", undefined);
      expect(await cache.has("nothing")).toBe(false);
    });

    it("has() is true for a present key and false after delete()", async () => {
      await cache.set("present", 1);
      expect(await cache.has("present")).toBe(true);
      expect(await cache.delete("present")).toBe(true);
      expect(await cache.has("present")).toBe(false);
      expect(await cache.delete("present")).toBe(false);
    });

    it("expires an entry after its TTL", async () => {
      await cache.set("short", "soon gone", 0.15);
      await cache.set("long", "stays", 60);
      expect(await cache.get("short")).toBe("soon gone");
      await sleep(300);
      expect(await cache.get("short")).toBeUndefined();
      expect(await cache.has("short")).toBe(false);
      expect(await cache.get("long")).toBe("stays");
      await cache.cleanup();
      expect(await cache.get("long")).toBe("stays");
    });

    it("getOrSet calls the loader once for concurrent callers and serves later calls from the cache", async () => {
      let calls = 0;
      const loader = async () => {
        calls++;
        await sleep(30);
        return { id: "u1", at: new Date("2024-01-01T00:00:00.000Z") };
      };
      const results = await Promise.all(Array.from({ length: 10 }, () => cache.getOrSet("user:u1:auth", loader)));
      expect(calls).toBe(1);
      // The first caller sees what later callers will see: the JSON form.
      for (const result of results) expect(result).toEqual({ id: "u1", at: "2024-01-01T00:00:00.000Z" });
      expect(await cache.getOrSet("user:u1:auth", loader)).toEqual({ id: "u1", at: "2024-01-01T00:00:00.000Z" });
      expect(calls).toBe(1);
    });

    it("getOrSet does not cache undefined, so the loader runs again next time", async () => {
      let calls = 0;
      const loader = async () => {
        calls++;
        return undefined;
      };
      expect(await cache.getOrSet("absent", loader)).toBeUndefined();
      expect(await cache.getOrSet("absent", loader)).toBeUndefined();
      expect(calls).toBe(2);
      expect(await cache.has("absent")).toBe(false);
    });

    it("getOrSet does not cache a loader failure and lets the next call retry", async () => {
      await expect(cache.getOrSet("flaky", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
      expect(await cache.getOrSet("flaky", async () => "recovered")).toBe("recovered");
    });

    it("getOrSet honours its TTL", async () => {
      await cache.getOrSet("brief", async () => "v1", 0.15);
      await sleep(300);
      expect(await cache.getOrSet("brief", async () => "v2")).toBe("v2");
    });

    it("deletePattern removes only the keys matching the glob and says how many", async () => {
      await cache.set(CacheKeys.authUser("42"), 1);
      await cache.set("user:42:prefs", 2);
      await cache.set(CacheKeys.authUser("43"), 3);
      await cache.set(CacheKeys.workspace("42"), 4);
      expect(await cache.deletePattern(CacheKeys.userPattern("42"))).toBe(2);
      expect(await cache.has(CacheKeys.authUser("42"))).toBe(false);
      expect(await cache.has("user:42:prefs")).toBe(false);
      expect(await cache.has(CacheKeys.authUser("43"))).toBe(true);
      expect(await cache.has(CacheKeys.workspace("42"))).toBe(true);
    });

    it("deletePattern treats ? as one character and other glob characters literally", async () => {
      await cache.set("job:1", 1);
      await cache.set("job:12", 2);
      await cache.set("odd[1]", 3);
      await cache.set("odd1", 4);
      expect(await cache.deletePattern("job:?")).toBe(1);
      expect(await cache.has("job:12")).toBe(true);
      expect(await cache.deletePattern("odd[1]")).toBe(1);
      expect(await cache.has("odd1")).toBe(true);
    });

    it("deletePattern handles more keys than one SCAN batch", async () => {
      await Promise.all(Array.from({ length: 1_200 }, (_, i) => cache.set(`bulk:${i}`, i)));
      expect(await cache.deletePattern("bulk:*")).toBe(1_200);
      expect(await cache.has("bulk:7")).toBe(false);
    });

    it("clear() removes every key", async () => {
      await cache.set("a", 1);
      await cache.set("b:c", 2);
      await cache.clear();
      expect(await cache.has("a")).toBe(false);
      expect(await cache.has("b:c")).toBe(false);
    });
  });
});

describe("MemoryCache", () => {
  it("evicts the least recently used entry beyond maxEntries", async () => {
    const cache = new MemoryCache({ maxEntries: 10 });
    for (let i = 0; i < 10; i++) await cache.set(`k${i}`, i);
    await cache.get("k0");
    await cache.set("k10", 10);
    expect(await cache.has("k0")).toBe(true);
    expect(await cache.has("k1")).toBe(false);
    await cache.close();
  });
});

describe.skipIf(!redisUp)("RedisCache isolation", () => {
  const caches: RedisCache[] = [];
  afterAll(async () => {
    for (const cache of caches) {
      await cache.clear();
      await cache.close();
    }
  });

  it("clear() and deletePattern('*') leave other prefixes' keys alone", async () => {
    const mine = new RedisCache({ url: REDIS_URL, prefix: `test:${randomUUID()}` });
    const theirs = new RedisCache({ url: REDIS_URL, prefix: `test:${randomUUID()}` });
    caches.push(mine, theirs);
    await mine.set("shared-name", "mine");
    await theirs.set("shared-name", "theirs");
    await mine.clear();
    expect(await mine.get("shared-name")).toBeUndefined();
    expect(await theirs.get("shared-name")).toBe("theirs");
    expect(mine.prefix.endsWith(":")).toBe(true);
  });

  it("degrades reads to misses when Redis is unreachable instead of failing the request", async () => {
    const dead = new RedisCache({ url: "redis://127.0.0.1:1", prefix: "test:dead", commandTimeoutMs: 200 });
    expect(await dead.get("anything")).toBeUndefined();
    await expect(dead.set("anything", 1)).resolves.toBeUndefined();
    expect(await dead.getOrSet("anything", async () => "from loader")).toBe("from loader");
    await dead.close();
  });
});

describe("createCache", () => {
  it("chooses the in-memory cache when REDIS_URL is unset", async () => {
    const cache = createCache({ CACHE_TTL_SECONDS: 60, CACHE_MAX_ENTRIES: 100 });
    expect(cache.backend).toBe("memory");
    await cache.close();
  });

  it.skipIf(!redisUp)("chooses Redis when REDIS_URL is set, with the given prefix", async () => {
    const cache = createCache({ REDIS_URL, CACHE_TTL_SECONDS: 60, CACHE_MAX_ENTRIES: 100 }, { prefix: `test:${randomUUID()}` });
    expect(cache.backend).toBe("redis");
    await cache.set("k", "v");
    expect(await cache.get("k")).toBe("v");
    await cache.clear();
    await cache.close();
  });
});
