import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedBigCrm } from "../bench/seed-crm";
import { loadConfig } from "../server/config/env";
import { createDatabase } from "../server/db/client";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { runMigrations } from "../server/db/migrate";
import { seedDemoIfEmpty } from "../server/db/seed/demo-seed";

// `npm run seed:big`: adds 1,000,000 leads, 100,000 clients and a 5,000-deal pipeline to the demo
// workspace (or the first workspace) of DATABASE_URL, or of the embedded database `npm start` uses.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const LEADS = Number(process.env.SEED_BIG_LEADS ?? 1_000_000);
const CLIENTS = Number(process.env.SEED_BIG_CLIENTS ?? 100_000);
const DEALS = Number(process.env.SEED_BIG_DEALS ?? 5_000);

async function main() {
  const config = loadConfig(process.env);
  let url = config.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(ROOT, config.EMBEDDED_PG_DIR), port: config.EMBEDDED_PG_PORT });
    url = embedded.connectionString;
    stop = embedded.stop;
  }
  const database = createDatabase({ connectionString: url, max: 2, statementTimeoutMs: 1_800_000 });
  try {
    await runMigrations(database.pool);
    await seedDemoIfEmpty(database);
    const ws = await database.pool.query<{ id: string; name: string }>("SELECT id, name FROM workspaces ORDER BY created_at LIMIT 1");
    const workspace = ws.rows[0]!;
    const t0 = Date.now();
    console.log(`Adding ${LEADS.toLocaleString()} leads, ${CLIENTS.toLocaleString()} clients and ${DEALS.toLocaleString()} deals to “${workspace.name}”…`);
    await seedBigCrm(database.pool, workspace.id, { leads: LEADS, clients: CLIENTS, deals: DEALS, log: (l) => console.log(`  ${l}`) });
    console.log(`Done in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  } finally {
    await database.close();
    if (stop) await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
