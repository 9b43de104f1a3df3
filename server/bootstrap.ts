import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AppContext } from "./app-context";
import { AppSessionStore } from "./auth/session-store";
import type { Config } from "./config/env";
import type { Database } from "./db/client";
import { createRateLimiters } from "./http/rate-limit";
import { createIntegrations } from "./integrations";
import { allJobs } from "./jobs";
import { createJobRunner } from "./jobs/runner";
import { createCache } from "./lib/cache";
import { configureBreakers } from "./lib/circuit-breaker";
import { configureOutbound } from "./lib/outbound-http";
import { createFileStorage, type FileStorage } from "./lib/storage";

const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface ContextOptions {
  /** Start job workers (false in tests, which drain jobs inline). */
  workJobs?: boolean;
  /** Isolates cache and rate-limit keys (tests share one Redis). */
  keyPrefix?: string;
  /** Session prune timer; disabled in tests. */
  pruneSessions?: boolean;
  /** File storage to use instead of local disk under UPLOADS_DIR. */
  storage?: FileStorage;
}

/** Builds every service the app needs on an open database; `close` releases them in reverse order. */
export async function buildContext(config: Config, database: Database, opts: ContextOptions = {}): Promise<AppContext & { close(): Promise<void> }> {
  configureBreakers({ timeoutMs: config.INTEGRATION_TIMEOUT_MS });
  configureOutbound({ allowlist: config.OUTBOUND_ALLOWLIST.split(",").map((s) => s.trim()).filter(Boolean) });
  const cache = createCache(config, { prefix: opts.keyPrefix ? `${opts.keyPrefix}:cache` : undefined });
  const rateLimits = createRateLimiters(config, database.pool, { keyPrefix: opts.keyPrefix ? `${opts.keyPrefix}:rl` : undefined });
  const integrations = createIntegrations(config);
  const sessionStore = new AppSessionStore(database.pool, cache, {
    idleMs: config.SESSION_IDLE_MINUTES * 60_000, pruneIntervalSeconds: opts.pruneSessions === false ? false : 15 * 60 });
  const storage = opts.storage ?? createFileStorage(config, ROOT_DIR);
  let ctx: AppContext | undefined;
  const jobs = createJobRunner<AppContext>({
    connectionString: connectionStringOf(database),
    jobs: allJobs,
    getApp: () => ctx!,
    batchSize: config.JOBS_BATCH_SIZE,
    pollingIntervalSeconds: config.JOBS_POLL_SECONDS,
    work: opts.workJobs ?? config.JOBS_ENABLED,
    maxConnections: 4,
  });
  ctx = { config, database, cache, jobs, integrations, rateLimits, sessionStore, storage, startedAt: new Date() };
  await jobs.start();
  return {
    ...ctx,
    async close() {
      await jobs.stop();
      await sessionStore.close();
      await rateLimits.close();
      await cache.close();
    },
  };
}

function connectionStringOf(database: Database): string {
  // pg keeps the options it was built with; the runner opens its own small pool on the same database.
  const options = (database.pool as unknown as { options: { connectionString: string } }).options;
  return options.connectionString;
}
