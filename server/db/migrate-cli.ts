import path from "node:path";
import { ROOT_DIR } from "../app";
import { ConfigError, loadConfig } from "../config/env";
import { createDatabase } from "./client";
import { startEmbeddedPostgres } from "./embedded";
import { appliedMigrationCount, runMigrations } from "./migrate";

// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
async function main() {
  const config = loadConfig(process.env);
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.resolve(ROOT_DIR, config.EMBEDDED_PG_DIR), port: config.EMBEDDED_PG_PORT });
  const database = createDatabase({ connectionString: config.DATABASE_URL ?? embedded!.connectionString, max: 2 });
  try {
    const before = await appliedMigrationCount(database.pool);
    await runMigrations(database.pool);
    const after = await appliedMigrationCount(database.pool);
    console.log(after > before ? `applied ${after - before} migration(s); ${after} in total` : `up to date (${after} migrations)`);
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? `Error: ${err.message}` : err);
  process.exit(1);
});
