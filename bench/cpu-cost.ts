// CPU cost per request of the CRM scenarios: CPU milliseconds the serving process (the app, or the
// bare Express + pg baseline) and its PostgreSQL backends spend per request, read from /proc (Linux only). Unlike latency under load, these figures
// barely move when other work shares the machine, so they compare two versions of a route on a busy
// machine. Needs a database seeded by `BENCH_SUITE=crm BENCH_KEEP_DB=1 npm run bench`:
//   BENCH_REUSE_DB=<name> BENCH_DATABASE_URL=postgres://… npx tsx bench/cpu-cost.ts
// BENCH_CPU_REQUESTS (default 400) requests per scenario, 4 at a time, after 50 to warm up.
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { freePort } from "../server/db/embedded";
import { BENCH_ADMIN_EMAIL, BENCH_PASSWORD, benchSession, openBenchDatabase, startBenchApp, waitForOutput } from "./support";

const REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 400);
const PARALLEL = 4;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process in milliseconds (0 once it has gone). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function backendPids(pool: pg.Pool, dbName: string): Promise<number[]> {
  const r = await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [dbName]);
  return r.rows.map((row) => row.pid);
}

async function run(url: string, headers: Record<string, string>, n: number): Promise<{ bytes: number; wallMs: number }> {
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < n) {
        next++;
        const res = await fetch(url, { headers });
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
        bytes = (await res.arrayBuffer()).byteLength;
      }
    }),
  );
  return { bytes, wallMs: (performance.now() - started) / n };
}

async function main() {
  const reuse = process.env.BENCH_REUSE_DB;
  if (!reuse) throw new Error("BENCH_REUSE_DB must name a database seeded by the CRM bench");
  const bench = await openBenchDatabase("cpu", { reuse });
  const pool = new pg.Pool({ connectionString: bench.databaseUrl, max: 2 });
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const app = await startBenchApp(bench.databaseUrl, { env: { JOBS_ENABLED: "false", RATE_LIMIT_USER_MAX: "1000000000" }, nodeArgs });
  let bare: ChildProcess | undefined;
  try {
    const headers = await benchSession(app.api, BENCH_ADMIN_EMAIL, BENCH_PASSWORD);
    const ws = (await pool.query<{ workspace_id: string }>("SELECT workspace_id FROM users WHERE email = $1", [BENCH_ADMIN_EMAIL])).rows[0]!.workspace_id;
    const board = (await pool.query<{ id: string }>("SELECT id FROM pipelines WHERE workspace_id = $1 AND name = 'Big board'", [ws])).rows[0]!.id;
    const barePort = await freePort();
    bare = spawn(process.execPath, ["--import", "tsx", "bench/bare-server.ts"], {
      env: { ...process.env, DATABASE_URL: bench.databaseUrl, PORT: String(barePort), BENCH_WORKSPACE_ID: ws },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await waitForOutput(bare, /bare server ready/, 60_000);
    const base = `http://127.0.0.1:${barePort}`;
    // [name, url, process serving it]
    const scenarios: [string, string, ChildProcess][] = [
      ["board (5,000 deals)", `${app.api}/pipelines/${board}/board`, app.child],
      ["bare board", `${base}/board?pipeline=${board}`, bare],
      ["leads first page", `${app.api}/leads`, app.child],
      ["bare leads first page", `${base}/leads`, bare],
      ["leads search q=lovel", `${app.api}/leads?q=lovel`, app.child],
    ];
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
    console.log("| scenario | server CPU ms/req | PostgreSQL CPU ms/req | response bytes | wall ms/req (4 at a time) |\n|---|---:|---:|---:|---:|");
    for (const [name, url, server] of scenarios) {
      if (only && !only.test(name)) continue;
      await run(url, headers, 50);
      const pids = await backendPids(pool, bench.dbName);
      const pid = server.pid!;
      const before = [await cpuMs(pid), ...(await Promise.all(pids.map(cpuMs)))];
      const { bytes, wallMs } = await run(url, headers, REQUESTS);
      const after = [await cpuMs(pid), ...(await Promise.all(pids.map(cpuMs)))];
      const appMs = (after[0]! - before[0]!) / REQUESTS;
      const pgMs = after.slice(1).reduce((sum, v, i) => sum + (v - before[i + 1]!), 0) / REQUESTS;
      console.log(`| ${name} | ${appMs.toFixed(2)} | ${pgMs.toFixed(2)} | ${bytes} | ${wallMs.toFixed(1)} |`);
    }
  } finally {
    bare?.kill("SIGTERM");
    await app.stop();
    await pool.end();
    await bench.dispose({ keep: true });
  }
}

await main();
