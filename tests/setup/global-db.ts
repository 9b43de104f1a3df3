import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { createDatabase } from "../../server/db/client";
import { runMigrations } from "../../server/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgRunId: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Once per run: a PostgreSQL server (TEST_DATABASE_URL, or an embedded throwaway cluster), and one
 * migrated template database that every test file clones (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let tmpDir: string | undefined;
  if (!adminUrl) {
    tmpDir = await mkdtemp(path.join(os.tmpdir(), "aos-test-pg-"));
    // mkdtemp makes the folder 0700; the postgres OS user (when we run as root) must traverse it.
    await chmod(tmpDir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, "data"), ephemeral: true, database: "postgres" });
    adminUrl = embedded.connectionString;
    stopEmbedded = embedded.stop;
  }
  const template = `aos_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const db = createDatabase({ connectionString: withDatabase(adminUrl, template), max: 2 });
  await runMigrations(db.pool);
  await db.close();
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", template);
  project.provide("pgRunId", runId);

  return async () => {
    // Drop every database this run created (files drop their own; this catches crashed ones).
    const res = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`aos_%${runId}%`]);
    for (const { datname } of res.rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`).catch(() => undefined);
    }
    await admin.end();
    if (stopEmbedded) await stopEmbedded();
    if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
  };
}
