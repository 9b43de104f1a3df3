import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StageHistoryResponse } from "../../shared/contracts/deals";
import { PipelineListResponse, PipelineResponse } from "../../shared/contracts/pipelines";
import { buildTeam } from "../factories";
import { buildDeal } from "../factories/deals";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, expectError, issuePaths } from "./support/helpers";

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let sales: ApiClient;
let creator: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  [admin, sales, creator] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.sales_agent), loginAs(t, team.users.creator)]);
});
afterAll(async () => {
  await t?.close();
});

describe("GET /api/pipelines", () => {
  it("200 creates the default pipeline once for a workspace without one, even under concurrent calls", async () => {
    const [a, b] = await Promise.all([admin.get("/api/pipelines"), sales.get("/api/pipelines")]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const list = PipelineListResponse.parse((await admin.get("/api/pipelines")).body).data;
    expect(list).toHaveLength(1);
    expect(list[0]!.stages.map((s) => [s.name, s.probability])).toEqual([
      ["Lead in", 10],
      ["Qualified", 25],
      ["Proposal", 50],
      ["Negotiation", 75],
      ["Closing", 90],
    ]);
    expect(list[0]!.abilities.manage).toBe(true);
    expect(PipelineListResponse.parse(b.body).data[0]!.abilities.manage).toBe(false);
  });

  it("403 for a creator (no deals.read)", async () => {
    expectError(await creator.get("/api/pipelines"), 403, "forbidden");
  });
});

describe("POST /api/pipelines", () => {
  it("201 with the given stages in order and an audit row", async () => {
    const res = await admin.post("/api/pipelines", { name: "Retainers", rottingDays: 7, stages: [{ name: "Pitch", probability: 20 }, { name: "Signed", probability: 100 }] });
    expect(res.status).toBe(201);
    const p = PipelineResponse.parse(res.body).data;
    expect(p).toMatchObject({ name: "Retainers", rottingDays: 7 });
    expect(p.stages.map((s) => [s.name, s.position])).toEqual([
      ["Pitch", 0],
      ["Signed", 1],
    ]);
    expect(await auditRows(t, { entityId: p.id, action: "pipeline.created" })).toHaveLength(1);
  });

  it("201 with the standard stages when none are given", async () => {
    const res = await admin.post("/api/pipelines", { name: "Defaults" });
    expect(res.body.data.stages).toHaveLength(5);
    expect(res.body.data.rottingDays).toBe(14);
  });

  it("400 validation_failed with field paths for a bad name, probability and rotting days", async () => {
    const res = await admin.post("/api/pipelines", { name: "", rottingDays: 0, stages: [{ name: "", probability: 101 }] });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(expect.arrayContaining(["body.name", "body.rottingDays", "body.stages.0.name", "body.stages.0.probability"]));
  });

  it("403 for a sales agent (no pipelines.manage)", async () => {
    expectError(await sales.post("/api/pipelines", { name: "Mine" }), 403, "forbidden");
  });
});

describe("pipeline and stage edits", () => {
  it("200 renames, adds a stage at an index, edits, reorders and deletes stages", async () => {
    const p = (await admin.post("/api/pipelines", { name: "Edit me", stages: [{ name: "A", probability: 10 }, { name: "C", probability: 60 }] })).body.data;
    const renamed = await admin.patch(`/api/pipelines/${p.id}`, { name: "Edited", rottingDays: null });
    expect(renamed.body.data).toMatchObject({ name: "Edited", rottingDays: null });
    const added = await admin.post(`/api/pipelines/${p.id}/stages`, { name: "B", probability: 30, index: 1 });
    expect(added.status).toBe(201);
    const stages = added.body.data.stages as { id: string; name: string }[];
    expect(stages.map((s) => s.name)).toEqual(["A", "B", "C"]);
    const edited = await admin.patch(`/api/pipelines/${p.id}/stages/${stages[1]!.id}`, { name: "Bee", probability: 35 });
    expect(edited.body.data.stages[1]).toMatchObject({ name: "Bee", probability: 35 });
    const reordered = await admin.put(`/api/pipelines/${p.id}/stages/order`, { stageIds: [stages[2]!.id, stages[0]!.id, stages[1]!.id] });
    expect(reordered.body.data.stages.map((s: { name: string; position: number }) => [s.name, s.position])).toEqual([
      ["C", 0],
      ["A", 1],
      ["Bee", 2],
    ]);
    const removed = await admin.delete(`/api/pipelines/${p.id}/stages/${stages[0]!.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.data.stages.map((s: { name: string; position: number }) => [s.name, s.position])).toEqual([
      ["C", 0],
      ["Bee", 1],
    ]);
  });

  it("400 when a reorder does not list every stage exactly once", async () => {
    const p = (await admin.post("/api/pipelines", { name: "Order" })).body.data;
    const res = await admin.put(`/api/pipelines/${p.id}/stages/order`, { stageIds: [p.stages[0].id, p.stages[0].id] });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.stageIds"]);
  });

  it("409 stage_has_deals (with the count) deleting a stage that still holds deals, and 409 for a pipeline that holds deals", async () => {
    const p = (await admin.post("/api/pipelines", { name: "Busy" })).body.data;
    await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: p.stages[1].id });
    await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: p.stages[1].id });
    const stage = await admin.delete(`/api/pipelines/${p.id}/stages/${p.stages[1].id}`);
    expectError(stage, 409, "stage_has_deals");
    expect(stage.body.error.details).toMatchObject({ reason: "stage_has_deals", dealCount: 2 });
    const after = PipelineListResponse.parse((await admin.get("/api/pipelines")).body).data.find((x) => x.id === p.id);
    expect(after!.stages).toHaveLength(5);
    const pipeline = await admin.delete(`/api/pipelines/${p.id}`);
    expectError(pipeline, 409, "conflict");
    expect(pipeline.body.error.details.reason).toBe("pipeline_has_deals");
  });

  it("200 deleting a stage keeps other deals' past stays in it, named '(deleted)' with their time in stage", async () => {
    const p = (await admin.post("/api/pipelines", { name: "History" })).body.data;
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: p.stages[0].id });
    // Renamed after the deal entered it: the history shows the name it had when deleted.
    expect((await admin.patch(`/api/pipelines/${p.id}/stages/${p.stages[0].id}`, { name: "Discovery" })).status).toBe(200);
    expect((await admin.post(`/api/deals/${deal.id}/move`, { stageId: p.stages[1].id })).status).toBe(200);
    expect((await admin.delete(`/api/pipelines/${p.id}/stages/${p.stages[0].id}`)).status).toBe(200);
    const history = StageHistoryResponse.parse((await admin.get(`/api/deals/${deal.id}/stage-history`)).body).data;
    expect(history.map((h) => [h.stage, h.leftAt === null])).toEqual([
      [{ id: null, name: "Discovery", deleted: true }, false],
      [{ id: p.stages[1].id, name: p.stages[1].name, deleted: false }, true],
    ]);
    expect(history[0]!.durationSeconds).toBeGreaterThanOrEqual(0);
  });

  it("200 deal counts per stage and per pipeline (any status) in the list and in a pipeline's answers", async () => {
    const p = PipelineResponse.parse(await admin.post("/api/pipelines", { name: "Counted" }).then((r) => r.body)).data;
    expect(p.dealCount).toBe(0);
    expect(p.stages.map((s) => s.dealCount)).toEqual([0, 0, 0, 0, 0]);
    await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: p.stages[1]!.id });
    await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: p.stages[1]!.id, status: "won" });
    await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: p.stages[3]!.id, status: "lost" });
    const listed = PipelineListResponse.parse((await sales.get("/api/pipelines")).body).data.find((x) => x.id === p.id)!;
    expect(listed.dealCount).toBe(3);
    expect(listed.stages.map((s) => s.dealCount)).toEqual([0, 2, 0, 1, 0]);
    // A stage's edit answers with the counts too, so the settings stay right after each change.
    const renamed = PipelineResponse.parse((await admin.patch(`/api/pipelines/${p.id}/stages/${p.stages[0]!.id}`, { name: "Renamed" })).body).data;
    expect(renamed.stages.map((s) => s.dealCount)).toEqual([0, 2, 0, 1, 0]);
    expect(renamed.dealCount).toBe(3);
  });

  it("409 deleting the last stage of a pipeline", async () => {
    const p = (await admin.post("/api/pipelines", { name: "Single", stages: [{ name: "Only", probability: 50 }] })).body.data;
    const res = await admin.delete(`/api/pipelines/${p.id}/stages/${p.stages[0].id}`);
    expectError(res, 409, "conflict");
    expect(res.body.error.details.reason).toBe("last_stage");
  });

  it("204 deletes an empty pipeline", async () => {
    const p = (await admin.post("/api/pipelines", { name: "Empty" })).body.data;
    expect((await admin.delete(`/api/pipelines/${p.id}`)).status).toBe(204);
    const ids = (await admin.get("/api/pipelines")).body.data.map((x: { id: string }) => x.id);
    expect(ids).not.toContain(p.id);
  });

  it("404 for another workspace's pipeline and stage", async () => {
    const other = await buildTeam(t.database.db);
    const otherAdmin = await loginAs(t, other.users.admin);
    const p = (await otherAdmin.post("/api/pipelines", { name: "Theirs" })).body.data;
    expectError(await admin.patch(`/api/pipelines/${p.id}`, { name: "Mine now" }), 404, "not_found");
    expectError(await admin.patch(`/api/pipelines/${p.id}/stages/${p.stages[0].id}`, { name: "x" }), 404, "not_found");
    expectError(await admin.get(`/api/pipelines/${p.id}/board`), 404, "not_found");
  });
});

describe("pipeline and stage names are unique", () => {
  it("409 already_exists on body.name when a new pipeline takes another pipeline's name (any case), or a rename does", async () => {
    const first = (await admin.post("/api/pipelines", { name: "Agency retainers" })).body.data as { id: string };
    const again = await admin.post("/api/pipelines", { name: " agency RETAINERS " });
    expectError(again, 409, "already_exists");
    expect(issuePaths(again)).toEqual(["body.name"]);
    const second = (await admin.post("/api/pipelines", { name: "Project work" })).body.data as { id: string };
    const renamed = await admin.patch(`/api/pipelines/${second.id}`, { name: "Agency Retainers" });
    expectError(renamed, 409, "already_exists");
    expect(issuePaths(renamed)).toEqual(["body.name"]);
    // Changing only the case of its own name is fine.
    expect((await admin.patch(`/api/pipelines/${first.id}`, { name: "Agency Retainers" })).status).toBe(200);
  });

  it("409 already_exists on body.name when a stage is added or renamed to a name the pipeline already has; 400 when a new pipeline repeats a stage", async () => {
    const p = (await admin.post("/api/pipelines", { name: "Stage names", stages: [{ name: "Pitch", probability: 20 }, { name: "Signed", probability: 100 }] })).body.data as {
      id: string;
      stages: { id: string; name: string }[];
    };
    const added = await admin.post(`/api/pipelines/${p.id}/stages`, { name: "pitch", probability: 30 });
    expectError(added, 409, "already_exists");
    expect(issuePaths(added)).toEqual(["body.name"]);
    const renamed = await admin.patch(`/api/pipelines/${p.id}/stages/${p.stages[1]!.id}`, { name: "Pitch" });
    expectError(renamed, 409, "already_exists");
    expect(issuePaths(renamed)).toEqual(["body.name"]);
    expect((await admin.patch(`/api/pipelines/${p.id}/stages/${p.stages[0]!.id}`, { name: "PITCH", probability: 25 })).status).toBe(200);
    const stages = (await admin.get("/api/pipelines")).body.data.find((x: { id: string }) => x.id === p.id).stages.map((s: { name: string }) => s.name);
    expect(stages).toEqual(["PITCH", "Signed"]);
    const repeated = await admin.post("/api/pipelines", { name: "Repeats", stages: [{ name: "Call", probability: 10 }, { name: "Call ", probability: 50 }] });
    expectError(repeated, 400, "validation_failed");
    expect(issuePaths(repeated)).toEqual(["body.stages.1.name"]);
  });

  it("one 201 and one 409 already_exists on body.name when two pipelines with the same name in another case are created at once", async () => {
    const [a, b] = await Promise.all([admin.post("/api/pipelines", { name: "Twin launch" }), admin.post("/api/pipelines", { name: "TWIN LAUNCH" })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expectError(refused, 409, "already_exists");
    expect(issuePaths(refused)).toEqual(["body.name"]);
    const names = (await admin.get("/api/pipelines")).body.data.map((x: { name: string }) => x.name.toLowerCase());
    expect(names.filter((n: string) => n === "twin launch")).toHaveLength(1);
  });

  it("one 201 and one 409 already_exists on body.name when two stages with the same name in another case are added at once", async () => {
    const p = (await admin.post("/api/pipelines", { name: "Twin stages" })).body.data as { id: string };
    const [a, b] = await Promise.all([admin.post(`/api/pipelines/${p.id}/stages`, { name: "Demo", probability: 40 }), admin.post(`/api/pipelines/${p.id}/stages`, { name: "demo", probability: 40 })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expectError(refused, 409, "already_exists");
    expect(issuePaths(refused)).toEqual(["body.name"]);
  });
});
