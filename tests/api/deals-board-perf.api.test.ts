import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoardResponse } from "../../shared/contracts/deals";
import { buildClient, buildTeam } from "../factories";
import { ensureDefaultPipeline } from "../../server/modules/pipelines/pipelines.service";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let admin: ApiClient;
let sales: ApiClient;
let pipelineId: string;
let salesId: string;
let salesName: string;

// A 5,000-deal pipeline: the board stays one lateral query per request, whatever the size.
beforeAll(async () => {
  t = await createTestApp();
  const team = await buildTeam(t.database.db);
  [admin, sales] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.sales_agent)]);
  [salesId, salesName] = [team.users.sales_agent.id, team.users.sales_agent.name];
  const { pipeline, stages } = await ensureDefaultPipeline(t.database.db, team.workspace.id);
  pipelineId = pipeline.id;
  const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
  const stageIds = sql.raw(`array[${stages.map((s) => `'${s.id}'::uuid`).join(",")}]`);
  await t.database.db.execute(sql`
    insert into deals (id, workspace_id, pipeline_id, stage_id, title, client_id, value_minor, currency, owner_id, position, status)
    select gen_random_uuid(), ${team.workspace.id}, ${pipeline.id}, (${stageIds})[1 + i % 5], 'Bulk deal ' || i, ${client.id}, 1000 * i, 'USD',
           case when i % 10 = 0 then ${team.users.sales_agent.id}::uuid else ${team.users.admin.id}::uuid end, i, case when i % 7 = 0 then 'won' else 'open' end
    from generate_series(1, 5000) as i`);
  await t.database.db.execute(sql`analyze deals`);
});
afterAll(async () => {
  await t?.close();
});

describe("GET /api/pipelines/:id/board at 5,000 deals", () => {
  it("200 with exact per-stage counts and 20 cards per column, fast", async () => {
    await admin.get(`/api/pipelines/${pipelineId}/board`); // warm the prepared statements
    const started = performance.now();
    const res = await admin.get(`/api/pipelines/${pipelineId}/board`);
    const ms = performance.now() - started;
    const board = BoardResponse.parse(res.body);
    const open = [...Array(5000).keys()].map((i) => i + 1).filter((i) => i % 7 !== 0);
    expect(board.columns.map((c) => c.count)).toEqual([0, 1, 2, 3, 4].map((r) => open.filter((i) => i % 5 === r).length));
    expect(board.columns.every((c) => c.deals.length === 20 && c.nextCursor)).toBe(true);
    // Generous bound for a shared 2-core machine; typical runs are far below it.
    console.info(`board of 5,000 deals: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);
  });

  it("200 scoped to the sales agent's own deals", async () => {
    const board = BoardResponse.parse((await sales.get(`/api/pipelines/${pipelineId}/board`)).body);
    const total = board.columns.reduce((n, c) => n + c.count, 0);
    expect(total).toBe([...Array(5000).keys()].map((i) => i + 1).filter((i) => i % 10 === 0 && i % 7 !== 0).length);
    const cards = board.columns.flatMap((c) => c.deals);
    expect(cards).toHaveLength(20); // all of them in the first column (i % 10 === 0)
    expect(cards.every((d) => d.owner?.id === salesId && d.owner.name === salesName)).toBe(true);
  });

  it("200 load more walks a whole column by cursor: every open deal once, in position order", async () => {
    const first = BoardResponse.parse((await admin.get(`/api/pipelines/${pipelineId}/board?limit=100`)).body).columns[2]!;
    const titles = first.deals.map((d) => d.title);
    let cursor = first.nextCursor;
    while (cursor) {
      const res = await admin.get(`/api/pipelines/${pipelineId}/board?limit=100&stageId=${first.stage.id}&cursor=${encodeURIComponent(cursor)}`);
      const [column] = BoardResponse.parse(res.body).columns;
      titles.push(...column!.deals.map((d) => d.title));
      cursor = column!.nextCursor;
    }
    const expected = [...Array(5000).keys()].map((i) => i + 1).filter((i) => i % 7 !== 0 && i % 5 === 2);
    expect(titles).toEqual(expected.map((i) => `Bulk deal ${i}`));
    expect(titles).toHaveLength(first.count);
  });

  it("walks a board index per stage in position order for the cards, with no sort", async () => {
    await t.database.db.execute(sql`vacuum analyze deals`);
    const cards = await t.database.db.execute(sql`
      explain select d.id, d.title from pipeline_stages s cross join lateral (
        select id, title, position from deals where workspace_id = s.workspace_id and pipeline_id = ${pipelineId} and status = 'open' and stage_id = s.id order by position, id limit 21) d
      where s.pipeline_id = ${pipelineId}`);
    // deals_board_idx or its open-deals-only twin, whichever is cheaper for the share of closed deals: no sort either way.
    expect(JSON.stringify(cards.rows)).toMatch(/Limit.*Index Scan using deals_board_(open_)?idx/);
    expect(JSON.stringify(cards.rows)).not.toContain("Sort");
    // The totals' plan is left to the bench: whether PostgreSQL answers them from deals_board_open_idx
    // alone depends on the server's version and statistics (PostgreSQL 15 does; the embedded 18
    // cluster scans the table of this all-in-one-pipeline fixture).
  });
});
