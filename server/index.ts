import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { CLIENT_DIST, createApp, ROOT_DIR } from "./app";
import { buildContext } from "./bootstrap";
import { enqueuePendingRebuilds } from "./modules/duplicates/duplicate-events";
import { ConfigError, loadConfig } from "./config/env";
import { createDatabase } from "./db/client";
import { EmbeddedPostgresError, startEmbeddedPostgres } from "./db/embedded";
import { runMigrations } from "./db/migrate";
import { demoLogins, seedDemoIfEmpty } from "./db/seed/demo-seed";
import { configureHeapPolicy } from "./lib/heap-policy";
import { configureLogger } from "./lib/logger";

const devServer = process.argv.includes("--dev");

/** Boot: config → database (embedded when DATABASE_URL is unset) → migrations → seed → services → HTTP. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = configureLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY || devServer });
  configureHeapPolicy(config.HEAP_GROWING_PERCENT);

  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    logger.info({ dir: config.EMBEDDED_PG_DIR }, "DATABASE_URL is not set: starting the embedded PostgreSQL");
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(ROOT_DIR, config.EMBEDDED_PG_DIR), port: config.EMBEDDED_PG_PORT });
    databaseUrl = embedded.connectionString;
  }

  const database = createDatabase({
    connectionString: databaseUrl,
    max: config.DATABASE_POOL_MAX,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  await runMigrations(database.pool);
  const seeded = config.SEED_DEMO ? await seedDemoIfEmpty(database) : false;

  if (!devServer && !existsSync(path.join(CLIENT_DIST, "index.html"))) {
    logger.info("no client build found: building it once (npm run build)");
    const { build } = await import("vite");
    await build({ configFile: path.join(ROOT_DIR, "vite.config.ts"), logLevel: "warn" });
  }

  const ctx = await buildContext(config, database);
  // Duplicate pairs of workspaces that never had them built (after the migration, after seeding).
  await enqueuePendingRebuilds(ctx);
  const httpServer = createServer();
  const app = await createApp(ctx, devServer ? { kind: "vite", httpServer } : { kind: "static" });
  httpServer.on("request", app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });

  const url = `http://localhost:${config.PORT}`;
  const logins = config.SEED_DEMO ? demoLogins() : [];
  console.warn(
    [
      "",
      `  Agency OS is running at ${url}${devServer ? " (dev server, hot reload)" : ""}`,
      `  API docs: ${url}/api/docs`,
      embedded ? `  Database: embedded PostgreSQL in ${config.EMBEDDED_PG_DIR}${seeded ? " (demo data seeded)" : ""}` : "  Database: DATABASE_URL",
      ...(logins.length ? ["", `  Demo logins (password for all: ${logins[0]!.password}):`, ...logins.map((l) => `    ${l.role.padEnd(12)} ${l.email}`)] : []),
      "",
    ].join("\n"),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing requests and running jobs");
    const force = setTimeout(() => process.exit(1), 40_000);
    force.unref();
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    await closed;
    await ctx.close().catch((err: unknown) => logger.error({ err }, "error while stopping services"));
    await database.close().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  if (err instanceof EmbeddedPostgresError) {
    console.error(`Error: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
