import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { Role } from "../../../shared/constants/roles";
import { buildClient } from "../../factories";
import { buildDeal, buildPipeline } from "../../factories/deals";
import type { MatrixRow, Principal, RouteKey, RouteSpec, RowContext } from "./authz-matrix";

/**
 * Authorization matrix rows of pipelines and deals (kept in their own file so parallel features
 * merge cleanly). deals.read / deals.write: admin, manager, staff, sales agent (sales agents reach
 * their own deals only: a colleague's is 404); deals.delete and pipelines.manage: admin, manager.
 */

/**
 * The deal a request targets: another workspace's (foreign), a colleague's in the caller's workspace
 * (same-workspace: invisible to a sales agent), or by default one the caller owns.
 */
async function targetDeal(ctx: RowContext, overrides: { status?: "open" | "won" | "lost" } = {}): Promise<{ id: string; pipelineId: string; stageId: string }> {
  const db = ctx.t.database.db;
  if (ctx.relation === "foreign") return buildDeal(db, { workspaceId: ctx.foreign.workspace.id, ...overrides });
  const ownerId = ctx.relation === "same-workspace" ? ctx.home.users.admin.id : (ctx.actor?.id ?? null);
  return buildDeal(db, { workspaceId: ctx.home.workspace.id, ownerId: ctx.actor?.role === "client" ? null : ownerId, ...overrides });
}

/** A new pipeline of the caller's workspace, or of another workspace for the foreign relation. */
function targetPipeline(ctx: RowContext) {
  return buildPipeline(ctx.t.database.db, ctx.relation === "foreign" ? ctx.foreign.workspace.id : ctx.home.workspace.id);
}

/** Another pipeline's stage of the deal's workspace (for the move body). */
async function secondStage(ctx: RowContext, deal: { pipelineId: string; stageId: string }): Promise<string> {
  const res = await ctx.t.database.db.query.pipelineStages.findMany({ where: (s, { eq }) => eq(s.pipelineId, deal.pipelineId) });
  return res.find((s) => s.id !== deal.stageId)!.id;
}

export const dealsRouteSpecs: Record<RouteKey, RouteSpec> = {
  "GET /api/pipelines": {
    build: async () => ({ path: "/api/pipelines" }),
    verify: (res) => {
      expect(res.body.data.length).toBeGreaterThan(0);
    },
  },
  "POST /api/pipelines": {
    build: async () => ({ path: "/api/pipelines", body: { name: `Matrix pipeline ${randomBytes(4).toString("hex")}` } }),
  },
  "PATCH /api/pipelines/:id": {
    build: async (ctx) => ({ path: `/api/pipelines/${(await targetPipeline(ctx)).id}`, body: { name: `Renamed ${randomBytes(4).toString("hex")}` } }),
  },
  "DELETE /api/pipelines/:id": {
    build: async (ctx) => ({ path: `/api/pipelines/${(await targetPipeline(ctx)).id}` }),
  },
  "POST /api/pipelines/:id/stages": {
    build: async (ctx) => ({ path: `/api/pipelines/${(await targetPipeline(ctx)).id}/stages`, body: { name: "Extra", probability: 40 } }),
  },
  "PUT /api/pipelines/:id/stages/order": {
    build: async (ctx) => {
      const p = await targetPipeline(ctx);
      return { path: `/api/pipelines/${p.id}/stages/order`, body: { stageIds: [...p.stageIds].reverse() } };
    },
  },
  "PATCH /api/pipelines/:id/stages/:stageId": {
    build: async (ctx) => {
      const p = await targetPipeline(ctx);
      return { path: `/api/pipelines/${p.id}/stages/${p.stageIds[0]}`, body: { probability: 33 } };
    },
  },
  "DELETE /api/pipelines/:id/stages/:stageId": {
    build: async (ctx) => {
      const p = await targetPipeline(ctx);
      return { path: `/api/pipelines/${p.id}/stages/${p.stageIds[1]}` };
    },
  },
  "GET /api/pipelines/:id/board": {
    build: async (ctx) => ({ path: `/api/pipelines/${(await targetDeal(ctx)).pipelineId}/board` }),
  },
  "GET /api/deals": {
    build: async () => ({ path: "/api/deals?limit=200" }),
  },
  "GET /api/deals/export.csv": {
    build: async () => ({ path: "/api/deals/export.csv" }),
    verify: (res) => {
      expect(res.headers["content-type"]).toContain("text/csv");
    },
  },
  "GET /api/deals/forecast": {
    build: async () => ({ path: "/api/deals/forecast" }),
  },
  "GET /api/deals/default-owner": {
    build: async (ctx) => {
      // A client the caller sees (a sales agent's own), another workspace's for the foreign row, a colleague's for same-workspace.
      const workspaceId = ctx.relation === "foreign" ? ctx.foreign.workspace.id : ctx.home.workspace.id;
      const ownerId = ctx.relation === "same-workspace" ? ctx.home.users.admin.id : ctx.role === "sales_agent" ? (ctx.actor?.id ?? null) : null;
      const client = await buildClient(ctx.t.database.db, { workspaceId, ownerId });
      return { path: `/api/deals/default-owner?clientId=${client.id}` };
    },
  },
  "POST /api/deals": {
    build: async (ctx) => {
      // A client the caller sees (a sales agent's own).
      const client = await buildClient(ctx.t.database.db, { workspaceId: ctx.home.workspace.id, ownerId: ctx.role === "sales_agent" ? (ctx.actor?.id ?? null) : null });
      return { path: "/api/deals", body: { title: "Matrix deal", clientId: client.id } };
    },
  },
  "POST /api/deals/bulk": {
    build: async (ctx) => ({ path: "/api/deals/bulk", body: { ids: [(await targetDeal(ctx)).id], action: { type: "add_tag", tag: "matrix" } } }),
    verify: (res, ctx) => {
      expect(res.body.updated).toBe(ctx.relation === "same-workspace" ? 0 : 1);
    },
  },
  "GET /api/deals/:id": {
    build: async (ctx) => ({ path: `/api/deals/${(await targetDeal(ctx)).id}` }),
  },
  "PATCH /api/deals/:id": {
    build: async (ctx) => ({ path: `/api/deals/${(await targetDeal(ctx)).id}`, body: { title: "Matrix edit" } }),
  },
  "DELETE /api/deals/:id": {
    build: async (ctx) => ({ path: `/api/deals/${(await targetDeal(ctx)).id}` }),
  },
  "POST /api/deals/:id/move": {
    build: async (ctx) => {
      const deal = await targetDeal(ctx);
      return { path: `/api/deals/${deal.id}/move`, body: { stageId: await secondStage(ctx, deal) } };
    },
  },
  "POST /api/deals/:id/close": {
    build: async (ctx) => ({ path: `/api/deals/${(await targetDeal(ctx)).id}/close`, body: { status: "won" } }),
  },
  "POST /api/deals/:id/reopen": {
    build: async (ctx) => ({ path: `/api/deals/${(await targetDeal(ctx, { status: "lost" })).id}/reopen` }),
  },
  "GET /api/deals/:id/stage-history": {
    build: async (ctx) => ({ path: `/api/deals/${(await targetDeal(ctx)).id}/stage-history` }),
  },
};

const PRINCIPALS: readonly Principal[] = ["anonymous", "admin", "manager", "staff", "sales_agent", "creator", "client"];
const grid = (route: RouteKey, expectations: Partial<Record<Principal, number>>): MatrixRow[] =>
  PRINCIPALS.filter((p) => expectations[p] !== undefined).map((role) => ({ route, role, expect: expectations[role]! }));
const staffOnly = (allowed: Partial<Record<Role, number>>): Partial<Record<Principal, number>> => ({
  anonymous: 401,
  admin: 403,
  manager: 403,
  staff: 403,
  sales_agent: 403,
  creator: 403,
  client: 403,
  ...allowed,
});
const SALES = (status: number) => ({ admin: status, manager: status, staff: status, sales_agent: status });

/** Rows for a route on one deal: the grid, another workspace's deal (404), and a colleague's deal for a sales agent (404). */
function dealRows(route: RouteKey, allowed: Partial<Record<Role, number>>): MatrixRow[] {
  const rows: MatrixRow[] = [...grid(route, staffOnly(allowed)), { route, role: "admin", relation: "foreign", expect: 404 }];
  if (allowed.sales_agent) {
    rows.push({ route, role: "sales_agent", relation: "foreign", expect: 404 });
    rows.push({ route, role: "sales_agent", relation: "same-workspace", expect: 404, why: "a colleague's deal (sales agents reach their own)" });
  }
  return rows;
}

/** Rows for a pipeline-management route: the grid and another workspace's pipeline (404). */
function pipelineRows(route: RouteKey, status: number): MatrixRow[] {
  return [
    ...grid(route, staffOnly({ admin: status, manager: status })),
    { route, role: "admin", relation: "foreign", expect: 404 },
    { route, role: "manager", relation: "foreign", expect: 404 },
  ];
}

export const dealsMatrixRows: MatrixRow[] = [
  ...grid("GET /api/pipelines", staffOnly(SALES(200))),
  ...grid("POST /api/pipelines", staffOnly({ admin: 201, manager: 201 })),
  ...pipelineRows("PATCH /api/pipelines/:id", 200),
  ...pipelineRows("DELETE /api/pipelines/:id", 204),
  ...pipelineRows("POST /api/pipelines/:id/stages", 201),
  ...pipelineRows("PUT /api/pipelines/:id/stages/order", 200),
  ...pipelineRows("PATCH /api/pipelines/:id/stages/:stageId", 200),
  ...pipelineRows("DELETE /api/pipelines/:id/stages/:stageId", 200),
  ...grid("GET /api/pipelines/:id/board", staffOnly(SALES(200))),
  { route: "GET /api/pipelines/:id/board", role: "admin", relation: "foreign", expect: 404 },
  { route: "GET /api/pipelines/:id/board", role: "sales_agent", relation: "foreign", expect: 404 },
  ...grid("GET /api/deals", staffOnly(SALES(200))),
  ...grid("GET /api/deals/export.csv", staffOnly(SALES(200))),
  ...grid("GET /api/deals/forecast", staffOnly(SALES(200))),
  ...grid("POST /api/deals", staffOnly(SALES(201))),
  ...grid("POST /api/deals/bulk", staffOnly(SALES(200))),
  {
    route: "POST /api/deals/bulk",
    role: "sales_agent",
    relation: "same-workspace",
    expect: 200,
    why: "a deal the agent cannot see is skipped, not changed",
    setup: async (ctx) => ({ path: "/api/deals/bulk", body: { ids: [(await targetDeal(ctx)).id], action: { type: "add_tag", tag: "x" } } }),
  },
  ...dealRows("GET /api/deals/:id", SALES(200)),
  ...dealRows("PATCH /api/deals/:id", SALES(200)),
  ...dealRows("DELETE /api/deals/:id", { admin: 204, manager: 204 }),
  { route: "DELETE /api/deals/:id", role: "manager", relation: "foreign", expect: 404 },
  ...dealRows("POST /api/deals/:id/move", SALES(200)),
  ...dealRows("POST /api/deals/:id/close", SALES(200)),
  ...dealRows("POST /api/deals/:id/reopen", SALES(200)),
  ...dealRows("GET /api/deals/:id/stage-history", SALES(200)),
  ...grid("GET /api/deals/default-owner", staffOnly(SALES(200))),
  { route: "GET /api/deals/default-owner", role: "admin", relation: "foreign", expect: 404, why: "another workspace's client" },
  { route: "GET /api/deals/default-owner", role: "sales_agent", relation: "same-workspace", expect: 404, why: "a client the agent cannot see" },
];
