import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, openAsBlob, readFileSync, writeFileSync } from "node:fs";
import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../server/auth/password";
import { createDatabase } from "../server/db/client";
import { freePort, startEmbeddedPostgres } from "../server/db/embedded";
import { runMigrations } from "../server/db/migrate";

// `npm run bench:import` (also the second half of `npm run bench`): writes a 100,000-row leads CSV,
// starts the real server (production mode, job workers on), uploads the file over HTTP (multipart,
// streamed), maps it, starts the import and polls GET /api/imports/:id like the browser does, until
// it completes. Prints the import's time, rows/s and the server process's peak RSS (VmHWM).
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 300;

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      if (pattern.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`process exited early (${code})`)));
  });
}

/** Resident and peak resident memory of a process in MB, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

/** Writes the CSV row by row (honouring back-pressure); about 1% of rows are invalid on purpose. */
async function writeCsv(file: string, rows: number, ownerEmail: string): Promise<number> {
  const out = createWriteStream(file);
  out.write("Full Name,Email,Phone,Company,Country,Tags,Score,Owner\n");
  let bad = 0;
  for (let i = 1; i <= rows; i++) {
    const invalid = i % 100 === 0;
    if (invalid) bad++;
    const email = invalid ? `not-an-email-${i}` : `lead${i}@company${i % 5000}.test`;
    const digits = String(i).padStart(8, "0");
    const phone = `+44 20 ${digits.slice(0, 4)} ${digits.slice(4)}`;
    const line = `Lead ${i},${email},${phone},"Company ${i % 5000}, Ltd",GB,import; bench,${i % 101},${i % 10 === 0 ? ownerEmail : ""}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return bad;
}

async function main() {
  let adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  const tmp = await mkdtemp(path.join(os.tmpdir(), "aos-bench-import-"));
  if (!adminUrl) {
    await chmod(tmp, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, "data"), ephemeral: true, database: "postgres" });
    adminUrl = embedded.connectionString;
    stopEmbedded = embedded.stop;
  }
  const dbName = `aos_bench_import_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  let server: ChildProcess | undefined;
  try {
    const database = createDatabase({ connectionString: databaseUrl, max: 2 });
    await runMigrations(database.pool);
    const password = "Bench-password-2026!";
    const email = "bench-admin@bench.test";
    const ws = await database.pool.query<{ id: string }>("INSERT INTO workspaces (id, name) VALUES (gen_random_uuid(), 'Bench Agency') RETURNING id");
    await database.pool.query("INSERT INTO role_permissions (workspace_id, role, permission) SELECT $1, role, permission FROM role_permission_defaults", [ws.rows[0]!.id]);
    await database.pool.query("INSERT INTO users (id, workspace_id, email, name, role, status, password_hash) VALUES (gen_random_uuid(), $1, $2, 'Bench Admin', 'admin', 'active', $3)", [
      ws.rows[0]!.id,
      email,
      await hashPassword(password),
    ]);
    await database.close();

    const csv = path.join(tmp, "leads.csv");
    const bad = await writeCsv(csv, ROWS, email);
    const size = (await stat(csv)).size;
    console.log(`wrote ${ROWS.toLocaleString()} rows (${(size / 1024 / 1024).toFixed(1)} MB, ${bad} invalid on purpose)`);

    const port = await freePort();
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
    server = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/index.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
        APP_URL: `http://127.0.0.1:${port}`,
        SESSION_SECRET: "bench-session-secret-bench-session-secret",
        PORT: String(port),
        HOST: "127.0.0.1",
        SEED_DEMO: "false",
        JOBS_ENABLED: "true",
        ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
        TRUST_PROXY: "loopback",
        RATE_LIMIT_SENSITIVE_MAX: "1000",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await waitForOutput(server, /is running at/, 180_000);
    const pid = server.pid!;
    const api = `http://127.0.0.1:${port}/api`;
    const login = await fetch(`${api}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
      body: JSON.stringify({ email, password }),
    });
    if (login.status !== 200) throw new Error(`bench login failed: ${login.status} ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie: (login.headers.get("set-cookie") ?? "").split(";")[0]!, "x-forwarded-proto": "https", "x-csrf-token": csrfToken };
    const baseline = memoryOf(pid);

    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, memoryOf(pid).rss);
    }, 100);

    const tUpload = performance.now();
    const form = new FormData();
    form.append("file", await openAsBlob(csv, { type: "text/csv" }), "bench-leads.csv");
    const up = await fetch(`${api}/imports?entityType=lead`, { method: "POST", headers, body: form });
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${await up.text()}`);
    const { data: imp, suggestedMapping } = (await up.json()) as { data: { id: string }; suggestedMapping: (string | null)[] };
    const uploadSeconds = (performance.now() - tUpload) / 1000;
    const afterUpload = memoryOf(pid);
    const peakDuringUpload = peakRss;
    peakRss = 0;
    console.log(`uploaded in ${uploadSeconds.toFixed(1)} s; suggested mapping: ${JSON.stringify(suggestedMapping)}`);

    const tRun = performance.now();
    const started = await fetch(`${api}/imports/${imp.id}/start`, { method: "POST", headers });
    if (started.status !== 202) throw new Error(`start failed: ${started.status} ${await started.text()}`);
    let result: { status: string; counts: Record<string, number>; error: string | null };
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const res = await fetch(`${api}/imports/${imp.id}`, { headers });
      result = ((await res.json()) as { data: typeof result }).data;
      if (!["queued", "running"].includes(result.status)) break;
    }
    const runSeconds = (performance.now() - tRun) / 1000;
    clearInterval(sampler);
    const end = memoryOf(pid);

    const figures = {
      rows: ROWS,
      fileMB: Number((size / 1024 / 1024).toFixed(1)),
      status: result.status,
      counts: result.counts,
      uploadSeconds: Number(uploadSeconds.toFixed(1)),
      importSeconds: Number(runSeconds.toFixed(1)),
      rowsPerSecond: Math.round(ROWS / runSeconds),
      baselineRssMB: Math.round(baseline.rss),
      peakRssUploadMB: Math.round(Math.max(peakDuringUpload, afterUpload.rss)),
      peakRssJobMB: Math.round(peakRss),
      peakRssSampledMB: Math.round(peakRss),
      peakRssHwmMB: Math.round(end.hwm),
      node: process.version,
    };
    console.log(`\nCSV import of ${ROWS.toLocaleString()} leads (server process, node ${process.version})`);
    console.log(`status            ${result.status}${result.error ? ` (${result.error})` : ""}`);
    console.log(`counts            ${JSON.stringify(result.counts)}`);
    console.log(`upload            ${figures.uploadSeconds} s`);
    console.log(`import (job)      ${figures.importSeconds} s   ${figures.rowsPerSecond.toLocaleString()} rows/s   target < ${TARGET_SECONDS} s: ${runSeconds < TARGET_SECONDS ? "met" : "MISSED"}`);
    console.log(`server RSS        ${figures.baselineRssMB} MB before upload; peak ${figures.peakRssUploadMB} MB during upload, ${figures.peakRssJobMB} MB during the job (sampled every 100 ms); process peak ${figures.peakRssHwmMB} MB (VmHWM)   target < ${TARGET_RSS_MB} MB: ${end.hwm < TARGET_RSS_MB ? "met" : "MISSED"}`);
    mkdirSync("bench/results", { recursive: true });
    const out = path.join("bench/results", `import-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(out, JSON.stringify(figures, null, 2));
    console.log(`results written to ${out}`);
    if (result.status !== "completed") process.exitCode = 1;
  } finally {
    server?.kill("SIGTERM");
    if (server) await once(server, "exit").catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    if (stopEmbedded) await stopEmbedded();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
