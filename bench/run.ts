import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import type pg from "pg";
import { createDatabase } from "../server/db/client";
import { freePort } from "../server/db/embedded";
import { runMigrations } from "../server/db/migrate";
import { seedBench } from "./seed-bench";
import { seedBigCrm } from "./seed-crm";
import { BENCH_ADMIN_EMAIL, BENCH_PASSWORD, benchSession, openBenchDatabase, startBenchApp, waitForOutput } from "./support";

// `npm run bench`: seeds 1,000 users + 1,000,000 audit rows, then measures the authenticated API
// against a bare Express + pg keyset route over the same tables, in the same run.
// BENCH_SUITE: "all" (default), "platform" (users + audit log) or "crm" (leads, search, board).
const SUITE = process.env.BENCH_SUITE ?? "all";
const PLATFORM = SUITE === "all" || SUITE === "platform";
const CRM = SUITE === "all" || SUITE === "crm";
const AUDIT_ROWS = PLATFORM ? Number(process.env.BENCH_AUDIT_ROWS ?? 1_000_000) : 0;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// The CRM issue's scenarios: the big seed (1,000,000 leads, 100,000 clients, a 5,000-deal board) at 20 connections.
const CRM_CONNECTIONS = Number(process.env.BENCH_CRM_CONNECTIONS ?? 20);
const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const BOARD_DEALS = Number(process.env.BENCH_BOARD_DEALS ?? 5_000);
// For iterating on one scenario: BENCH_KEEP_DB=1 keeps the seeded database (its name is printed),
// BENCH_REUSE_DB=<name> measures an already seeded one (migrations still run, seeding is skipped),
// BENCH_ONLY=<regex> measures only the scenarios whose app-side name matches.
const KEEP_DB = process.env.BENCH_KEEP_DB === "1" || Boolean(process.env.BENCH_REUSE_DB);
const REUSE_DB = process.env.BENCH_REUSE_DB;
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : undefined;
// BENCH_SERVER_NODE_ARGS: Node flags for the app server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
// (flags NODE_OPTIONS refuses); the profile is written when the bench stops the server.
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** The bench admin and workspace of a database seeded by an earlier run (BENCH_REUSE_DB). */
async function seededBench(pool: pg.Pool): Promise<{ workspaceId: string; email: string; password: string }> {
  const email = BENCH_ADMIN_EMAIL;
  const r = await pool.query<{ workspace_id: string }>("SELECT workspace_id FROM users WHERE email = $1", [email]);
  if (!r.rows[0]) throw new Error(`BENCH_REUSE_DB: no ${email} in that database; seed it with BENCH_KEEP_DB=1 first`);
  return { workspaceId: r.rows[0].workspace_id, email, password: BENCH_PASSWORD };
}

async function seededBoard(pool: pg.Pool, workspaceId: string): Promise<{ pipelineId: string }> {
  const r = await pool.query<{ id: string }>("SELECT id FROM pipelines WHERE workspace_id = $1 AND name = 'Big board'", [workspaceId]);
  if (!r.rows[0]) throw new Error("BENCH_REUSE_DB: that database has no CRM seed; seed it with BENCH_SUITE=crm BENCH_KEEP_DB=1 first");
  return { pipelineId: r.rows[0].id };
}

/** Measures one app scenario and its bare counterpart, unless BENCH_ONLY leaves it out. */
async function measurePair(list: [Figures, Figures][], app: [string, string, Record<string, string>], bare: [string, string], connections: number): Promise<void> {
  if (ONLY && !ONLY.test(app[0])) return;
  list.push([await measure(app[0], app[1], app[2], connections), await measure(bare[0], bare[1], {}, connections)]);
}

async function measure(name: string, url: string, headers: Record<string, string> = {}, connections = CONNECTIONS): Promise<Figures> {
  // A short warm-up so JIT and pool connections are settled before measuring.
  await autocannon({ url, connections, duration: 2, headers });
  const r = await autocannon({ url, connections, duration: DURATION, headers });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function main() {
  const bench = await openBenchDatabase("bench", { reuse: REUSE_DB });
  const databaseUrl = bench.databaseUrl;
  const children: ChildProcess[] = [];
  try {
    const database = createDatabase({ connectionString: databaseUrl, max: 4, statementTimeoutMs: 600_000 });
    await runMigrations(database.pool);
    const t0 = Date.now();
    console.log(`seeding 1,000 users and ${AUDIT_ROWS.toLocaleString()} audit rows…`);
    const seed = REUSE_DB ? await seededBench(database.pool) : await seedBench(database.pool, AUDIT_ROWS);
    let crm: { pipelineId: string; agent: { id: string; email: string }; deep: { value: string; id: string }; status: string } | undefined;
    if (CRM) {
      console.log(`seeding ${CLIENTS.toLocaleString()} clients, ${LEADS.toLocaleString()} leads and a ${BOARD_DEALS.toLocaleString()}-deal board…`);
      const { pipelineId } = REUSE_DB
        ? await seededBoard(database.pool, seed.workspaceId)
        : await seedBigCrm(database.pool, seed.workspaceId, { clients: CLIENTS, leads: LEADS, deals: BOARD_DEALS, log: (l) => console.log(`  ${l}`) });
      const agent = await database.pool.query<{ id: string; email: string }>(
        "SELECT u.id, u.email FROM users u WHERE u.workspace_id = $1 AND u.role = 'sales_agent' ORDER BY (SELECT count(*) FROM leads l WHERE l.owner_id = u.id) DESC LIMIT 1",
        [seed.workspaceId],
      );
      const deep = await database.pool.query<{ value: string; id: string }>(
        `SELECT to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS value, id FROM leads WHERE workspace_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
        [seed.workspaceId, Math.floor(LEADS * 0.9)],
      );
      crm = { pipelineId, agent: agent.rows[0]!, deep: deep.rows[0]!, status: "qualified" };
    }
    console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // The seed writes rows directly, so no duplicate pairs exist and the app would start a workspace
    // rescan at boot (hours over a million leads) in the background of every scenario. The scenarios
    // measure reads in a steady state, so the bench workspace counts as scanned (bench/duplicates.ts
    // measures the duplicates list on its own).
    await database.pool.query(
      "INSERT INTO duplicate_scans (workspace_id, status, finished_at) SELECT id, 'done', now() FROM workspaces ON CONFLICT (workspace_id) DO UPDATE SET status = 'done', finished_at = now()",
    );
    const deepAudit = await database.pool.query<{ id: string }>(
      "SELECT id FROM activity_logs WHERE workspace_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1",
      [seed.workspaceId, Math.floor(AUDIT_ROWS * 0.9)],
    );
    const deepUser = await database.pool.query<{ id: string; name: string }>(
      "SELECT id, name FROM users WHERE workspace_id = $1 ORDER BY name, id OFFSET 900 LIMIT 1",
      [seed.workspaceId],
    );
    await database.close();

    const barePort = await freePort();
    const app = await startBenchApp(databaseUrl, { nodeArgs: SERVER_NODE_ARGS, env: { RATE_LIMIT_USER_MAX: "1000000000" } });
    children.push(app.child);
    const bare = spawn(process.execPath, ["--import", "tsx", "bench/bare-server.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", PORT: String(barePort), BENCH_WORKSPACE_ID: seed.workspaceId },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(bare);
    await waitForOutput(bare, /bare server ready/, 60_000);
    const headers = await benchSession(app.api, seed.email, seed.password);
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString("base64url");
    const api = app.api;
    const base = `http://127.0.0.1:${barePort}`;
    const u = deepUser.rows[0]!;
    const a = deepAudit.rows[0]!;

    const pairs: [Figures, Figures][] = [];
    if (PLATFORM) {
      const n = CONNECTIONS;
      await measurePair(pairs, ["GET /api/users (first page)", `${api}/users?limit=50`, headers], ["bare users (first page)", `${base}/users`], n);
      await measurePair(pairs, ["GET /api/users (deep page)", `${api}/users?limit=50&cursor=${cursor([u.name, u.id])}`, headers], ["bare users (deep page)", `${base}/users?after=${encodeURIComponent(`${u.name}|${u.id}`)}`], n);
      await measurePair(pairs, ["GET /api/audit-log (first page)", `${api}/audit-log?limit=50`, headers], ["bare audit (first page)", `${base}/audit`], n);
      await measurePair(pairs, ["GET /api/audit-log (deep page, 90%)", `${api}/audit-log?limit=50&cursor=${cursor([a.id])}`, headers], ["bare audit (deep page, 90%)", `${base}/audit?before=${a.id}`], n);
    }
    const crmPairs: [Figures, Figures][] = [];
    if (crm) {
      const c = CRM_CONNECTIONS;
      const agentHeaders = await benchSession(api, crm.agent.email, seed.password);
      const deepCursor = cursor([crm.deep.value, crm.deep.id]);
      await measurePair(crmPairs, ["GET /api/leads (first page)", `${api}/leads?limit=50`, headers], ["bare leads (first page)", `${base}/leads`], c);
      await measurePair(crmPairs, ["GET /api/leads (status + owner)", `${api}/leads?limit=50&status=${crm.status}&ownerId=${crm.agent.id}`, headers], ["bare leads (status + owner)", `${base}/leads?status=${crm.status}&owner=${crm.agent.id}`], c);
      await measurePair(crmPairs, ["GET /api/leads (deep page, 90%)", `${api}/leads?limit=50&cursor=${deepCursor}`, headers], ["bare leads (deep page, 90%)", `${base}/leads?after=${encodeURIComponent(`${crm.deep.value}|${crm.deep.id}`)}`], c);
      await measurePair(crmPairs, ["GET /api/leads?q= (name fragment)", `${api}/leads?limit=50&q=lovel`, headers], ["bare leads (name fragment)", `${base}/leads?q=lovel`], c);
      await measurePair(crmPairs, [`GET board (${BOARD_DEALS.toLocaleString()} deals)`, `${api}/pipelines/${crm.pipelineId}/board`, headers], ["bare board", `${base}/board?pipeline=${crm.pipelineId}`], c);
      await measurePair(crmPairs, ["GET /api/leads as a sales agent", `${api}/leads?limit=50`, agentHeaders], ["bare leads (one owner)", `${base}/leads?owner=${crm.agent.id}`], c);
    }

    const rows: { app: Figures; bare: Figures; ratio: number; ok: boolean }[] = [];
    const print = (title: string, list: [Figures, Figures][], target: string, met: (ratio: number, f: Figures) => boolean) => {
      if (list.length === 0) return;
      console.log(`\n${title}\n`);
      console.log(`scenario                                  req/s    p50 ms  p99 ms   vs bare  target (${target})`);
      for (const [appFig, bareFig] of list) {
        const ratio = appFig.rps / bareFig.rps;
        const ok = met(ratio, appFig) && appFig.non2xx === 0 && appFig.errors === 0;
        for (const f of [appFig, bareFig]) {
          console.log(
            `${f.name.padEnd(40)} ${f.rps.toFixed(0).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(7)}${f === appFig ? `   ${(ratio * 100).toFixed(0).padStart(4)}%   ${ok ? "met" : "MISSED"}${f.non2xx ? ` (${f.non2xx} non-2xx)` : ""}` : ""}`,
          );
        }
        rows.push({ app: appFig, bare: bareFig, ratio, ok });
      }
    };
    print(`Platform: ${CONNECTIONS} connections, ${DURATION} s per scenario, ${AUDIT_ROWS.toLocaleString()} audit rows, node ${process.version}`, pairs, "≥50%, p99<50ms", (ratio, f) => ratio >= 0.5 && f.p99 < 50);
    print(
      `CRM: ${CRM_CONNECTIONS} connections, ${DURATION} s per scenario, ${LEADS.toLocaleString()} leads, ${CLIENTS.toLocaleString()} clients, node ${process.version}`,
      crmPairs,
      "p99<100ms; ratio reported",
      (_ratio, f) => f.p99 < 100,
    );
    mkdirSync("bench/results", { recursive: true });
    const out = path.join("bench/results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(out, JSON.stringify({ suite: SUITE, connections: CONNECTIONS, crmConnections: CRM_CONNECTIONS, duration: DURATION, auditRows: AUDIT_ROWS, leads: LEADS, clients: CLIENTS, node: process.version, rows }, null, 2));
    console.log(`\nresults written to ${out}`);
    if (existsSync("dist/public/index.html")) {
      const size = spawn("node", ["scripts/bundle-size.mjs"], { stdio: "inherit" });
      await new Promise((r) => size.on("exit", r));
    }
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    if (KEEP_DB) console.log(`kept the seeded database ${bench.dbName} (BENCH_REUSE_DB=${bench.dbName} measures it again without seeding)`);
    await bench.dispose({ keep: KEEP_DB });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
