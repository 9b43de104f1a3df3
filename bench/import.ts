import { once } from "node:events";
import { createWriteStream, mkdirSync, openAsBlob, readFileSync, writeFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { createDatabase } from "../server/db/client";
import { runMigrations } from "../server/db/migrate";
import { type BenchApp, benchSession, createBenchAdmin, openBenchDatabase, startBenchApp } from "./support";

// `npm run bench:import` (also the second half of `npm run bench`): writes a 100,000-row leads CSV,
// starts the real server (production mode, job workers on), uploads the file over HTTP (multipart,
// streamed), maps it, starts the import and polls GET /api/imports/:id like the browser does, until
// it completes. Prints the import's time, rows/s and the server process's peak RSS (VmHWM).
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 300;

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
  const bench = await openBenchDatabase("bench_import");
  let app: BenchApp | undefined;
  try {
    const database = createDatabase({ connectionString: bench.databaseUrl, max: 2 });
    await runMigrations(database.pool);
    const { email, password } = await createBenchAdmin(database.pool);
    await database.close();

    const csv = path.join(bench.tmp, "leads.csv");
    const bad = await writeCsv(csv, ROWS, email);
    const size = (await stat(csv)).size;
    console.log(`wrote ${ROWS.toLocaleString()} rows (${(size / 1024 / 1024).toFixed(1)} MB, ${bad} invalid on purpose)`);

    app = await startBenchApp(bench.databaseUrl, {
      nodeArgs: (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean),
      env: { JOBS_ENABLED: "true", ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}) },
    });
    const pid = app.child.pid!;
    const api = app.api;
    const headers = await benchSession(api, email, password);
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
    await app?.stop();
    await bench.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
