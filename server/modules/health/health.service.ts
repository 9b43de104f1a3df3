import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AppContext } from "../../app-context";
import { appliedMigrationCount, expectedMigrationCount } from "../../db/migrate";
import { getBreakerSnapshots } from "../../lib/circuit-breaker";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The package version, read once. */
export const APP_VERSION: string = (JSON.parse(readFileSync(path.resolve(here, "../../../package.json"), "utf8")) as { version: string }).version;

export interface ReadyReport {
  ok: boolean;
  checks: {
    database: { ok: boolean; detail?: string };
    migrations: { ok: boolean; applied: number; expected: number };
    jobs: { ok: boolean; detail: string };
  };
  breakers: ReturnType<typeof getBreakerSnapshots>;
}

/** Readiness: database answers, every migration applied, job runner healthy; breakers reported. */
export async function readiness(app: AppContext): Promise<ReadyReport> {
  const expected = expectedMigrationCount();
  let database: ReadyReport["checks"]["database"] = { ok: true };
  let applied = 0;
  try {
    await app.database.pool.query("SELECT 1");
    applied = await appliedMigrationCount(app.database.pool);
  } catch (err) {
    database = { ok: false, detail: err instanceof Error ? err.message : "unreachable" };
  }
  const jobs = await app.jobs.health().catch((err: unknown) => ({ ok: false, detail: err instanceof Error ? err.message : "error" }));
  const migrations = { ok: database.ok && applied >= expected, applied, expected };
  return { ok: database.ok && migrations.ok && jobs.ok, checks: { database, migrations, jobs }, breakers: getBreakerSnapshots() };
}
