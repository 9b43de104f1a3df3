import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoardResponse, type DealDto } from "../../shared/contracts/deals";
import type { PipelineDto } from "../../shared/contracts/pipelines";
import { buildClient, buildTeam } from "../factories";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";

// deal_stage_totals (kept by triggers on deals) must always equal summing the open deals; the
// unfiltered board of someone who sees every deal reads it, every other board sums its deals.
let t: TestApp;
let admin: ApiClient;
let manager: ApiClient;
let workspaceId: string;
let clientId: string;

beforeAll(async () => {
  t = await createTestApp();
  const team = await buildTeam(t.database.db);
  workspaceId = team.workspace.id;
  [admin, manager] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.manager)]);
  clientId = (await buildClient(t.database.db, { workspaceId })).id;
});
afterAll(async () => {
  await t?.close();
});

type Totals = Record<string, { n: number; value: string }>;

/** The totals table and the sums of the open deals, both keyed `stage/currency` (zero rows left out). */
async function bothSides(): Promise<{ kept: Totals; summed: Totals }> {
  const kept = await t.database.db.execute<{ k: string; n: number; value: string }>(
    sql`select stage_id || '/' || currency as k, open_count as n, open_value::text as value from deal_stage_totals where workspace_id = ${workspaceId} and open_count <> 0`,
  );
  const summed = await t.database.db.execute<{ k: string; n: number; value: string }>(
    sql`select stage_id || '/' || currency as k, count(*)::int as n, sum(value_minor)::text as value from deals where workspace_id = ${workspaceId} and status = 'open' group by 1`,
  );
  const byKey = (rows: { k: string; n: number; value: string }[]) => Object.fromEntries(rows.map((r) => [r.k, { n: Number(r.n), value: r.value }]));
  return { kept: byKey(kept.rows), summed: byKey(summed.rows) };
}

async function expectConsistent(): Promise<Totals> {
  const { kept, summed } = await bothSides();
  expect(kept).toEqual(summed);
  return kept;
}

describe("deal_stage_totals", () => {
  it("equals the sum of open deals after creates, edits, moves, closes, reopens, a pipeline change by SQL and deletes (one by one and in bulk)", async () => {
    const p = (await admin.post("/api/pipelines", { name: `Totals ${Date.now()}`, rottingDays: null, stages: [{ name: "A", probability: 10 }, { name: "B", probability: 50 }] })).body.data as PipelineDto;
    const other = (await admin.post("/api/pipelines", { name: `Other ${Date.now()}`, rottingDays: null, stages: [{ name: "X", probability: 20 }] })).body.data as PipelineDto;
    const [a, b] = [p.stages[0]!.id, p.stages[1]!.id];
    const create = async (title: string, valueMinor: number, currency: string, stageId = a) => {
      const res = await admin.post("/api/deals", { title, clientId, pipelineId: p.id, stageId, valueMinor, currency });
      expect(res.status).toBe(201);
      return res.body.data as DealDto;
    };
    const d1 = await create("one", 1000, "USD");
    const d2 = await create("two", 2500, "USD");
    const d3 = await create("three", 700, "EUR", b);
    const d4 = await create("four", 300, "USD", b);
    expect(await expectConsistent()).toMatchObject({ [`${a}/USD`]: { n: 2, value: "3500" }, [`${b}/EUR`]: { n: 1, value: "700" } });

    expect((await admin.patch(`/api/deals/${d1.id}`, { valueMinor: 1200, currency: "GBP" })).status).toBe(200);
    expect((await admin.post(`/api/deals/${d2.id}/move`, { stageId: b })).status).toBe(200);
    expect((await admin.post(`/api/deals/${d3.id}/close`, { status: "lost", reason: "Budget" })).status).toBe(200);
    expect(await expectConsistent()).toMatchObject({ [`${a}/GBP`]: { n: 1, value: "1200" }, [`${b}/USD`]: { n: 2, value: "2800" } });
    expect((await admin.post(`/api/deals/${d3.id}/reopen`, {})).status).toBe(200);
    // The API has no pipeline change; any writer (a script, a later feature) does, and the triggers see it.
    const x = other.stages[0]!.id;
    await t.database.db.execute(sql`update deals set pipeline_id = ${other.id}, stage_id = ${x} where id = ${d4.id}`);
    expect(await expectConsistent()).toMatchObject({ [`${x}/USD`]: { n: 1, value: "300" }, [`${b}/USD`]: { n: 1, value: "2500" } });

    expect((await admin.delete(`/api/deals/${d1.id}`)).status).toBe(204);
    expect((await admin.post("/api/deals/bulk", { ids: [d2.id, d3.id], action: { type: "set_status", status: "won" } })).status).toBe(200);
    await expectConsistent();
    expect((await admin.post("/api/deals/bulk", { ids: [d2.id, d3.id, d4.id], action: { type: "delete" } })).status).toBe(200);
    expect(await expectConsistent()).toEqual({});
  });

  it("stays equal when many deals are written by one statement, and under concurrent moves across two stages", async () => {
    const p = (await admin.post("/api/pipelines", { name: `Busy ${Date.now()}`, rottingDays: null, stages: [{ name: "L", probability: 10 }, { name: "R", probability: 90 }] })).body.data as PipelineDto;
    const [l, r] = [p.stages[0]!.id, p.stages[1]!.id];
    await t.database.db.execute(sql`
      insert into deals (id, workspace_id, pipeline_id, stage_id, title, client_id, value_minor, currency, position, status)
      select gen_random_uuid(), ${workspaceId}, ${p.id}, case when i % 2 = 0 then ${l}::uuid else ${r}::uuid end, 'Many ' || i, ${clientId}, i, case when i % 3 = 0 then 'EUR' else 'USD' end, i,
             case when i % 5 = 0 then 'won' else 'open' end
      from generate_series(1, 300) as i`);
    await expectConsistent();
    const ids = (await t.database.db.execute<{ id: string; stage_id: string }>(sql`select id, stage_id from deals where pipeline_id = ${p.id} and status = 'open' limit 40`)).rows;
    // Moves both ways at once: totals rows are locked in one order, so none deadlocks.
    const results = await Promise.all(ids.map((d) => admin.post(`/api/deals/${d.id}/move`, { stageId: d.stage_id === l ? r : l })));
    expect(results.map((res) => res.status)).toEqual(ids.map(() => 200));
    await t.database.db.execute(sql`update deals set value_minor = value_minor * 2 where pipeline_id = ${p.id} and stage_id = ${l}`);
    await t.database.db.execute(sql`delete from deals where pipeline_id = ${p.id} and currency = 'EUR'`);
    await expectConsistent();
  });

  it("200 the unfiltered board (totals table) and the same board through a filter that matches everything (summed) agree", async () => {
    const p = (await admin.post("/api/pipelines", { name: `Agree ${Date.now()}`, rottingDays: null, stages: [{ name: "S1", probability: 30 }, { name: "S2", probability: 60 }] })).body.data as PipelineDto;
    for (const [i, stage] of [p.stages[0]!, p.stages[1]!, p.stages[1]!].entries()) {
      expect((await admin.post("/api/deals", { title: `Agree ${i}`, clientId, pipelineId: p.id, stageId: stage.id, valueMinor: 1000 * (i + 1), currency: "USD", tags: ["all"] })).status).toBe(201);
    }
    const unfiltered = BoardResponse.parse((await manager.get(`/api/pipelines/${p.id}/board`)).body);
    const filtered = BoardResponse.parse((await manager.get(`/api/pipelines/${p.id}/board?tag=all`)).body);
    const summary = (b: BoardResponse) => b.columns.map((c) => ({ stage: c.stage.name, count: c.count, totals: c.totals }));
    expect(summary(unfiltered)).toEqual(summary(filtered));
    expect(summary(unfiltered)).toEqual([
      { stage: "S1", count: 1, totals: [{ currency: "USD", valueMinor: 1000, weightedMinor: 300 }] },
      { stage: "S2", count: 2, totals: [{ currency: "USD", valueMinor: 5000, weightedMinor: 3000 }] },
    ]);
  });
});
