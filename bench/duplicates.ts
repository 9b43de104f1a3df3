import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type pg from "pg";
import { NAME_SIMILARITY_THRESHOLD } from "../shared/contracts/duplicates";
import { createDatabase } from "../server/db/client";
import { runMigrations } from "../server/db/migrate";
import { withTransaction } from "../server/db/transaction";
import { listStoredPairs, rebuildWindow, rescorePairs } from "../server/modules/duplicates/duplicate-pairs.repository";
import { type BenchApp, benchSession, createBenchAdmin, openBenchDatabase, startBenchApp } from "./support";

// `npx tsx bench/duplicates.ts`: the duplicates list at scale. Seeds BENCH_DUP_LEADS (default 50,000)
// leads whose names share a small vocabulary ("Amber Coffee Ltd", "Amber Coffee Group", …), then
// measures, on the same database:
//   before   the read-time first page the list used before the pairs table (its first 250-row
//            window: one trigram probe per lead, the query shape of the old listCandidatePairs);
//   rebuild  the full rebuild of the pairs table (the duplicates.rebuild job's windows);
//   rescore  one lead's re-score (the duplicates.rescore job after an edit);
//   bare     the stored-pairs list query alone (listStoredPairs, admin visibility);
//   GET      the first page of GET /api/duplicates through the real server (production mode).
// Not part of `npm run bench`: the rebuild alone takes minutes at 50,000 similar names.
const LEADS = Number(process.env.BENCH_DUP_LEADS ?? 50_000);
const SAMPLES = Number(process.env.BENCH_DUP_SAMPLES ?? 50);

const ADJECTIVES = "Amber Azure Bold Bright Cedar Civic Coral Crisp Delta Eagle Ember Fable Fern Golden Granite Harbor Hazel Iron Ivory Jade Juniper Keystone Lunar Maple Meadow Nimbus Noble Oak Onyx Pine Quartz Rapid Royal Sable Silver Solar Summit Terra Urban Willow".split(" ");
const NOUNS = "Coffee Bakery Studio Labs Dental Media Motors Roasters Logistics Fitness Capital Design Foods Legal Health Travel Energy Systems Outdoors Print Garden Optics Textiles Audio Books".split(" ");
const SUFFIXES = ["Ltd", "LLC", "Group", "Co", "Partners"];

const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (x: number) => `${x.toFixed(1)} ms`;

/** The pre-pairs-table first page: trigram + equality self-joins over the first 250 leads by id. */
async function readTimeFirstWindow(pool: pg.Pool, workspaceId: string): Promise<{ ms: number; pairs: number }> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("select set_config('pg_trgm.similarity_threshold', $1, true)", [String(NAME_SIMILARITY_THRESHOLD)]);
    const t0 = performance.now();
    const { rows } = await client.query(
      `with w as (select id from leads where workspace_id = $1 order by id limit 250)
       select count(*)::int as n from (
         select a.id, b.id from leads a join leads b on lower(a.name) % lower(b.name) and b.workspace_id = a.workspace_id and a.id < b.id
           where a.workspace_id = $1 and a.id in (select id from w)
         union
         select a.id, b.id from leads a join leads b on b.workspace_id = a.workspace_id and lower(b.email) = lower(a.email) and a.id < b.id
           where a.workspace_id = $1 and a.id in (select id from w)
       ) p`,
      [workspaceId],
    );
    const elapsed = ms(t0);
    await client.query("ROLLBACK");
    return { ms: elapsed, pairs: rows[0].n as number };
  } finally {
    client.release();
  }
}

async function main() {
  const bench = await openBenchDatabase("bench_dupes");
  let app: BenchApp | undefined;
  const database = createDatabase({ connectionString: bench.databaseUrl, max: 4 });
  try {
    await runMigrations(database.pool);
    const admin = await createBenchAdmin(database.pool);
    const ws = admin.workspaceId;
    const t0 = performance.now();
    // Every 10th lead shares its email domain with the next one; every 500th repeats an earlier email.
    await database.pool.query(
      `insert into leads (id, workspace_id, name, email, source)
       select gen_random_uuid(), $1,
         ($2::text[])[1 + i % array_length($2::text[], 1)] || ' ' || ($3::text[])[1 + (i / 40) % array_length($3::text[], 1)] || ' ' || ($4::text[])[1 + (i / 1000) % array_length($4::text[], 1)],
         case when i % 500 = 0 then 'lead' || (i - 1) || '@d' || ((i - 1) / 2) || '.example' else 'lead' || i || '@d' || (i / 2) || '.example' end,
         'import'
       from generate_series(1, $5::int) i`,
      [ws, ADJECTIVES, NOUNS, SUFFIXES, LEADS],
    );
    await database.pool.query("analyze leads");
    console.log(`seeded ${LEADS.toLocaleString()} leads in ${(ms(t0) / 1000).toFixed(1)} s`);

    const before = await readTimeFirstWindow(database.pool, ws);
    console.log(`before: read-time first window (250 leads) ${fmt(before.ms)} (${before.pairs} pairs)`);

    const tRebuild = performance.now();
    let after: string | null = null;
    for (;;) {
      const { n, last }: { n: number; last: string | null } = await withTransaction(database.pool, (tx) => rebuildWindow(tx.db, ws, "lead", after, 500));
      if (!last || n < 500) break;
      after = last;
    }
    const rebuildSeconds = ms(tRebuild) / 1000;
    const pairs = (await database.pool.query<{ n: number }>("select count(*)::int as n from duplicate_pairs where workspace_id = $1", [ws])).rows[0]!.n;
    await database.pool.query("insert into duplicate_scans (workspace_id, status) values ($1, 'done') on conflict (workspace_id) do update set status = 'done'", [ws]);
    await database.pool.query("analyze duplicate_pairs");
    console.log(`rebuild: ${rebuildSeconds.toFixed(1)} s for ${LEADS.toLocaleString()} leads (${Math.round(LEADS / rebuildSeconds)} leads/s), ${pairs.toLocaleString()} pairs`);

    const ids = (await database.pool.query<{ id: string }>("select id from leads where workspace_id = $1 order by random() limit 20", [ws])).rows.map((r) => r.id);
    const rescore: number[] = [];
    for (const id of ids) {
      const t = performance.now();
      await withTransaction(database.pool, (tx) => rescorePairs(tx.db, ws, "lead", [id]));
      rescore.push(ms(t));
    }
    console.log(`rescore: one lead p50 ${fmt(pct(rescore, 50))}, p95 ${fmt(pct(rescore, 95))}`);

    const viewer = { id: admin.userId, role: "admin" as const, workspaceId: ws, pipelineScope: "all" as const };
    const bare: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      await listStoredPairs(database.db, viewer, "lead", { limit: 25, after: null });
      bare.push(ms(t));
    }
    const plan = await database.db.execute<{ "QUERY PLAN": string }>(sql`explain select 1 from duplicate_pairs where workspace_id = ${ws} and entity_type = 'lead' order by score desc nulls last, low_id, high_id limit 26`);
    console.log(`bare: listStoredPairs first page p50 ${fmt(pct(bare, 50))}, p95 ${fmt(pct(bare, 95))} (${plan.rows.map((r) => r["QUERY PLAN"].trim()).find((l) => l.includes("Index")) ?? "no index scan"})`);

    app = await startBenchApp(bench.databaseUrl, { env: { JOBS_ENABLED: "false" } });
    const api = app.api;
    const headers = await benchSession(api, admin.email, admin.password);
    const http: number[] = [];
    let shown = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      const res = await fetch(`${api}/duplicates?entityType=lead&limit=25`, { headers });
      const body = (await res.json()) as { data: unknown[] };
      http.push(ms(t));
      if (res.status !== 200) throw new Error(`GET /api/duplicates: ${res.status}`);
      shown = body.data.length;
    }
    console.log(`GET /api/duplicates first page (${shown} pairs): p50 ${fmt(pct(http, 50))}, p95 ${fmt(pct(http, 95))}`);

    const figures = {
      leads: LEADS,
      pairs,
      beforeFirstWindowMs: Math.round(before.ms),
      rebuildSeconds: Number(rebuildSeconds.toFixed(1)),
      rescoreP50Ms: Number(pct(rescore, 50).toFixed(1)),
      bareP50Ms: Number(pct(bare, 50).toFixed(2)),
      httpP50Ms: Number(pct(http, 50).toFixed(1)),
      httpP95Ms: Number(pct(http, 95).toFixed(1)),
      node: process.version,
    };
    console.log(`\nfirst page: before ${fmt(before.ms)} (read-time, first window only) → now ${fmt(pct(http, 50))} via HTTP, ${fmt(pct(bare, 50))} bare query`);
    mkdirSync("bench/results", { recursive: true });
    const out = path.join("bench/results", `duplicates-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(out, JSON.stringify(figures, null, 2));
    console.log(`results written to ${out}`);
  } finally {
    await app?.stop();
    await database.close();
    await bench.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
