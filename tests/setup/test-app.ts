import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Express } from "express";
import type { AppContext } from "../../server/app-context";
import { createApp } from "../../server/app";
import { buildContext } from "../../server/bootstrap";
import { loadConfig } from "../../server/config/env";
import { createDatabase, type Database } from "../../server/db/client";
import { createTestDatabase } from "./test-db";

export const TEST_SESSION_SECRET = "test-session-secret-that-is-long-enough-0123456789";

export interface TestApp {
  ctx: AppContext;
  app: Express;
  database: Database;
  /** Base URL of the real HTTP server (127.0.0.1, random port). */
  url: string;
  server: http.Server;
  /** Runs every ready job inline (deterministic in tests). */
  drainJobs(): Promise<{ processed: number; failed: number }>;
  close(): Promise<void>;
}

/**
 * A full app on its own cloned database, listening on a random port. `env` overrides config
 * variables; limits are generous by default so tests only hit them on purpose.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  // Uploaded files go to a folder of this app's own, removed on close.
  const uploadsDir = mkdtempSync(path.join(os.tmpdir(), "aos-uploads-"));
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: testDb.url,
    SESSION_SECRET: TEST_SESSION_SECRET,
    LOG_LEVEL: "silent",
    APP_URL: "http://app.test",
    RATE_LIMIT_ANON_MAX: "100000",
    RATE_LIMIT_SENSITIVE_MAX: "100000",
    RATE_LIMIT_USER_MAX: "100000",
    JOBS_ENABLED: "false",
    DATABASE_POOL_MAX: "5",
    UPLOADS_DIR: uploadsDir,
    // TEST_REDIS_URL runs the same suite with the cache, session reads and rate limits on Redis.
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    ...env,
  });
  const database = createDatabase({ connectionString: testDb.url, max: config.DATABASE_POOL_MAX, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
  const ctx = await buildContext(config, database, { workJobs: false, keyPrefix: `t${randomBytes(4).toString("hex")}`, pruneSessions: false });
  const app = await createApp(ctx, { kind: "none" });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    ctx,
    app,
    database,
    server,
    url: `http://127.0.0.1:${port}`,
    drainJobs: () => ctx.jobs.drain(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.close();
      await database.close();
      await testDb.drop();
      rmSync(uploadsDir, { recursive: true, force: true });
    },
  };
}
