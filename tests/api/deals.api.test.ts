import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoardCardDto, BoardResponse, DealDefaultOwnerResponse, type DealDto, DealListResponse, DealResponse, ForecastResponse, StageHistoryResponse } from "../../shared/contracts/deals";
import type { PipelineDto } from "../../shared/contracts/pipelines";
import { type DealRow, deals, leads } from "../../server/db/schema";
import { assignClient, buildClient, buildContact, buildTeam, buildUser } from "../factories";
import { seedDeal } from "../../server/modules/deals/deals-seed";
import { buildAttachment } from "../factories/attachments";
import { buildDeal } from "../factories/deals";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, expectError, issuePaths } from "./support/helpers";

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let sales: ApiClient;
let creator: ApiClient;
let pipeline: PipelineDto;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  [admin, sales, creator] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.sales_agent), loginAs(t, team.users.creator)]);
  pipeline = (await admin.get("/api/pipelines")).body.data[0];
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString("hex");
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((d) => d.id);
const stage = (i: number) => pipeline.stages[i]!.id;

/** Inserts a lead straight into the table (the leads module owns its API). */
async function insertLead(workspaceId: string, ownerId: string | null) {
  const [row] = await t.database.db.insert(leads).values({ workspaceId, name: `Lead ${hex()}`, ownerId }).returning();
  return row!;
}

describe("POST /api/deals owner default", () => {
  it("201 owned by the lead's owner on a lead, else the client's account owner, else the creator when neither may own deals; the preview names the same owner", async () => {
    const ws = team.workspace.id;
    const gone = await buildUser(t.database.db, { workspaceId: ws, role: "staff", status: "deactivated" });
    const lead = await insertLead(ws, team.users.staff.id);
    const managersClient = await buildClient(t.database.db, { workspaceId: ws, ownerId: team.users.manager.id });
    const creatorsClient = await buildClient(t.database.db, { workspaceId: ws, ownerId: team.users.creator.id });
    const goneClient = await buildClient(t.database.db, { workspaceId: ws, ownerId: gone.id });
    const cases: { body: Record<string, string>; owner: string; reason: string }[] = [
      { body: { leadId: lead.id, clientId: managersClient.id }, owner: team.users.staff.id, reason: "lead_owner" },
      { body: { clientId: managersClient.id }, owner: team.users.manager.id, reason: "client_owner" },
      { body: { clientId: creatorsClient.id }, owner: team.users.admin.id, reason: "creator" },
      { body: { clientId: goneClient.id }, owner: team.users.admin.id, reason: "creator" },
    ];
    for (const c of cases) {
      const preview = await admin.get(`/api/deals/default-owner?${new URLSearchParams(c.body)}`);
      expect(DealDefaultOwnerResponse.parse(preview.body).data).toMatchObject({ owner: { id: c.owner }, reason: c.reason });
      const res = await admin.post("/api/deals", { title: `Owner ${hex()}`, ...c.body });
      expect(res.status).toBe(201);
      expect(res.body.data.owner.id).toBe(c.owner);
    }
  });

  it("403 deal_owner_must_be_self when a sales agent names another owner; their new deal on a colleague's client is theirs", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.manager.id });
    await assignClient(t.database.db, client, team.users.sales_agent.id);
    const refused = await sales.post("/api/deals", { title: "Not mine", clientId: client.id, ownerId: team.users.manager.id });
    expectError(refused, 403, "deal_owner_must_be_self");
    expect(await t.database.db.select().from(deals).where(eq(deals.title, "Not mine"))).toHaveLength(0);
    const preview = await sales.get(`/api/deals/default-owner?clientId=${client.id}`);
    expect(preview.body.data).toEqual({ owner: { id: team.users.sales_agent.id, name: team.users.sales_agent.name }, reason: "self" });
    const res = await sales.post("/api/deals", { title: "Mine", clientId: client.id });
    expect(res.status).toBe(201);
    expect(res.body.data.owner.id).toBe(team.users.sales_agent.id);
    expect((await sales.post("/api/deals", { title: "Named me", clientId: client.id, ownerId: team.users.sales_agent.id })).status).toBe(201);
  });

  it("404 previewing the owner for a lead or client the caller cannot see", async () => {
    const foreign = await buildClient(t.database.db, { workspaceId: (await buildTeam(t.database.db)).workspace.id });
    expectError(await admin.get(`/api/deals/default-owner?clientId=${foreign.id}`), 404, "not_found");
    const colleagues = await insertLead(team.workspace.id, team.users.admin.id);
    expectError(await sales.get(`/api/deals/default-owner?leadId=${colleagues.id}`), 404, "not_found");
  });
});

describe("POST /api/deals", () => {
  it("201 with defaults: workspace currency, the creating sales agent as owner, the first stage, a stage stay and a 'created' entry", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    const res = await sales.post("/api/deals", { title: "Website rebuild", clientId: client.id, valueMinor: 1_200_000 });
    expect(res.status).toBe(201);
    const dto = DealResponse.parse(res.body).data;
    expect(dto).toMatchObject({
      title: "Website rebuild",
      currency: "USD",
      owner: { id: team.users.sales_agent.id },
      client: { id: client.id, name: client.name },
      pipeline: { id: pipeline.id },
      stage: { id: stage(0), name: "Lead in", probability: 10 },
      status: "open",
      rotting: false,
      abilities: { update: true, delete: false },
    });
    const history = StageHistoryResponse.parse((await sales.get(`/api/deals/${dto.id}/stage-history`)).body).data;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ stage: { id: stage(0) }, leftAt: null });
    const timeline = await sales.get(`/api/activities?entityType=deal&entityId=${dto.id}`);
    expect(timeline.body.data.map((a: { kind: string }) => a.kind)).toEqual(["created"]);
    expect(await auditRows(t, { entityId: dto.id, action: "deal.created" })).toHaveLength(1);
  });

  it("201 on a lead, with a contact of a client, in a chosen stage", async () => {
    const lead = await insertLead(team.workspace.id, null);
    const onLead = await admin.post("/api/deals", { title: "From lead", leadId: lead.id, stageId: stage(2), currency: "EUR", expectedCloseDate: "2031-03-15" });
    expect(onLead.status).toBe(201);
    expect(onLead.body.data).toMatchObject({ lead: { id: lead.id, name: lead.name }, client: null, stage: { id: stage(2) }, currency: "EUR", expectedCloseDate: "2031-03-15" });
    const contact = await buildContact(t.database.db, { workspaceId: team.workspace.id, clientId: team.client.id });
    const withContact = await admin.post("/api/deals", { title: "With contact", clientId: team.client.id, contactId: contact.id });
    expect(withContact.body.data.contact).toEqual({ id: contact.id, name: `${contact.firstName} ${contact.lastName}` });
  });

  it("400 validation_failed with field paths for a bad body", async () => {
    const res = await admin.post("/api/deals", { title: "", valueMinor: -5, currency: "XXX", expectedCloseDate: "soon", extra: true });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(expect.arrayContaining(["body", "body.title", "body.valueMinor", "body.currency", "body.expectedCloseDate"]));
  });

  it("400 \"The value can't be negative\" at body.valueMinor for a negative value, on create and on update", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const created = await admin.post("/api/deals", { title: "Refund", clientId: client.id, valueMinor: -100 });
    expectError(created, 400, "validation_failed");
    expect(created.body.error.details.issues).toEqual([expect.objectContaining({ path: "body.valueMinor", message: "The value can't be negative" })]);
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id });
    const updated = await admin.patch(`/api/deals/${deal.id}`, { valueMinor: -1 });
    expectError(updated, 400, "validation_failed");
    expect(updated.body.error.details.issues).toEqual([expect.objectContaining({ path: "body.valueMinor", message: "The value can't be negative" })]);
  });

  it("400 at body.clientId without a client or a lead", async () => {
    const res = await admin.post("/api/deals", { title: "Orphan" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.clientId"]);
  });

  it("400 at body.contactId for a contact of another client, and at body.stageId for another pipeline's stage", async () => {
    const other = await buildContact(t.database.db, { workspaceId: team.workspace.id });
    const contact = await admin.post("/api/deals", { title: "Wrong contact", clientId: team.client.id, contactId: other.id });
    expect(issuePaths(contact)).toEqual(["body.contactId"]);
    const p2 = (await admin.post("/api/pipelines", { name: `Other ${hex()}` })).body.data;
    const wrongStage = await admin.post("/api/deals", { title: "Wrong stage", clientId: team.client.id, pipelineId: pipeline.id, stageId: p2.stages[0].id });
    expect(issuePaths(wrongStage)).toEqual(["body.stageId"]);
  });

  it("400 when a sales agent names a client or a lead they cannot see", async () => {
    const lead = await insertLead(team.workspace.id, team.users.admin.id);
    const res = await sales.post("/api/deals", { title: "Not mine", clientId: team.client.id, leadId: lead.id });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res).sort()).toEqual(["body.clientId", "body.leadId"]);
  });

  it("400 for another workspace's client", async () => {
    const foreign = await buildClient(t.database.db);
    expect(issuePaths(await admin.post("/api/deals", { title: "Foreign", clientId: foreign.id }))).toEqual(["body.clientId"]);
  });

  it("403 for a creator", async () => {
    expectError(await creator.post("/api/deals", { title: "No", clientId: team.client.id }), 403, "forbidden");
  });
});

describe("visibility", () => {
  it("a sales agent sees only their own deals in the list, board, forecast and export; another's is 404", async () => {
    const mine = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id, expectedCloseDate: "2032-01-10", valueMinor: 500_00 });
    const theirs = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.admin.id, expectedCloseDate: "2032-01-10", valueMinor: 700_00 });
    const list = ids(await sales.get("/api/deals?limit=200"));
    expect(list).toContain(mine.id);
    expect(list).not.toContain(theirs.id);
    expect(ids(await admin.get("/api/deals?limit=200"))).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const board = BoardResponse.parse((await sales.get(`/api/pipelines/${pipeline.id}/board?limit=100`)).body);
    const cards = board.columns.flatMap((c) => c.deals.map((d) => d.id));
    expect(cards).toContain(mine.id);
    expect(cards).not.toContain(theirs.id);
    const forecast = ForecastResponse.parse((await sales.get("/api/deals/forecast")).body).data;
    expect(forecast.find((r) => r.month === "2032-01")).toMatchObject({ dealCount: 1, valueMinor: 500_00 });
    const csv = await sales.get("/api/deals/export.csv");
    expect(csv.text).toContain(mine.id);
    expect(csv.text).not.toContain(theirs.id);
    expectError(await sales.get(`/api/deals/${theirs.id}`), 404, "not_found");
    expectError(await sales.post(`/api/deals/${theirs.id}/move`, { stageId: stage(1) }), 404, "not_found");
  });

  it("staff see every deal by default and only their own once the workspace says 'own'", async () => {
    const own = await buildTeam(t.database.db);
    const [ownAdmin, ownStaff] = await Promise.all([loginAs(t, own.users.admin), loginAs(t, own.users.staff)]);
    const staffDeal = await buildDeal(t.database.db, { workspaceId: own.workspace.id, ownerId: own.users.staff.id });
    const adminDeal = await buildDeal(t.database.db, { workspaceId: own.workspace.id, ownerId: own.users.admin.id });
    expect(ids(await ownStaff.get("/api/deals"))).toEqual(expect.arrayContaining([staffDeal.id, adminDeal.id]));
    expect((await ownAdmin.patch("/api/workspace", { staffPipelineScope: "own" })).status).toBe(200);
    const after = ids(await ownStaff.get("/api/deals"));
    expect(after).toContain(staffDeal.id);
    expect(after).not.toContain(adminDeal.id);
    expectError(await ownStaff.get(`/api/deals/${adminDeal.id}`), 404, "not_found");
    const board = (await ownStaff.get(`/api/pipelines/${staffDeal.pipelineId}/board`)).body as { columns: { deals: DealDto[]; count: number }[] };
    expect(board.columns.reduce((n, c) => n + c.count, 0)).toBe(1);
    const csv = await ownStaff.get("/api/deals/export.csv");
    expect(csv.text).not.toContain(adminDeal.id);
  });

  it("403 for a creator on the list, board, forecast and export", async () => {
    expectError(await creator.get("/api/deals"), 403, "forbidden");
    expectError(await creator.get(`/api/pipelines/${pipeline.id}/board`), 403, "forbidden");
    expectError(await creator.get("/api/deals/forecast"), 403, "forbidden");
    expectError(await creator.get("/api/deals/export.csv"), 403, "forbidden");
  });

  it("404 for a deal in another workspace", async () => {
    const foreign = await buildDeal(t.database.db, { workspaceId: (await buildTeam(t.database.db)).workspace.id });
    expectError(await admin.get(`/api/deals/${foreign.id}`), 404, "not_found");
    expectError(await admin.patch(`/api/deals/${foreign.id}`, { title: "Mine" }), 404, "not_found");
    expectError(await admin.delete(`/api/deals/${foreign.id}`), 404, "not_found");
  });
});

describe("POST /api/deals/:id/move", () => {
  it("200 changes stage: closes the stay, opens a new one, writes stage_changed with names and an audit row", async () => {
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    const res = await sales.post(`/api/deals/${deal.id}/move`, { stageId: stage(1) });
    expect(res.status).toBe(200);
    expect(res.body.data.stage).toMatchObject({ id: stage(1), name: "Qualified" });
    const history = StageHistoryResponse.parse((await sales.get(`/api/deals/${deal.id}/stage-history`)).body).data;
    expect(history.map((h) => [h.stage.name, h.leftAt === null])).toEqual([
      ["Lead in", false],
      ["Qualified", true],
    ]);
    expect(history[0]!.durationSeconds).toBeGreaterThanOrEqual(0);
    const timeline = (await sales.get(`/api/activities?entityType=deal&entityId=${deal.id}&kind=stage_changed`)).body.data;
    expect(timeline[0].meta).toEqual({ from: { id: stage(0), name: "Lead in" }, to: { id: stage(1), name: "Qualified" } });
    expect(await auditRows(t, { entityId: deal.id, action: "deal.stage_changed" })).toHaveLength(1);
  });

  it("200 orders a column by beforeId / afterId / index without a stage change entry", async () => {
    const p = (await admin.post("/api/pipelines", { name: `Order ${hex()}`, stages: [{ name: "One", probability: 10 }, { name: "Two", probability: 50 }] })).body.data as PipelineDto;
    const [s1, s2] = p.stages.map((s) => s.id) as [string, string];
    const a = await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: s2, title: "A" });
    const b = await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: s2, title: "B" });
    const c = await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: s1, title: "C" });
    const column = async () => (await admin.get(`/api/pipelines/${p.id}/board?stageId=${s2}`)).body.columns[0].deals.map((d: DealDto) => d.title);
    expect(await column()).toEqual(["A", "B"]);
    await admin.post(`/api/deals/${c.id}/move`, { stageId: s2, beforeId: b.id });
    expect(await column()).toEqual(["A", "C", "B"]);
    await admin.post(`/api/deals/${a.id}/move`, { stageId: s2, afterId: b.id });
    expect(await column()).toEqual(["C", "B", "A"]);
    await admin.post(`/api/deals/${a.id}/move`, { stageId: s2, position: 0 });
    expect(await column()).toEqual(["A", "C", "B"]);
    const entries = (await admin.get(`/api/activities?entityType=deal&entityId=${a.id}&kind=stage_changed`)).body.data;
    expect(entries).toHaveLength(0);
  });

  it("200 keeps order when many moves halve the same gap (the column is re-spread)", async () => {
    const p = (await admin.post("/api/pipelines", { name: `Gap ${hex()}`, stages: [{ name: "Only", probability: 10 }] })).body.data as PipelineDto;
    const s = p.stages[0]!.id;
    const first = await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: s, title: "first" });
    const last = await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: s, title: "last" });
    const moved = await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: s, title: "x0" });
    let anchor = last.id;
    for (let i = 0; i < 40; i++) {
      const d = i === 0 ? moved : await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: s, title: `x${i}` });
      expect((await admin.post(`/api/deals/${d.id}/move`, { stageId: s, beforeId: anchor })).status).toBe(200);
      anchor = d.id;
    }
    const titles = (await admin.get(`/api/pipelines/${p.id}/board?limit=100`)).body.columns[0].deals.map((d: DealDto) => d.title);
    expect(titles[0]).toBe("first");
    expect(titles[1]).toBe("x39");
    expect(titles.at(-1)).toBe("last");
    expect(new Set(titles).size).toBe(42);
    void first;
  });

  it("400 at body.stageId for a stage of another pipeline; 409 moving a closed deal", async () => {
    const p2 = (await admin.post("/api/pipelines", { name: `P ${hex()}` })).body.data;
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id });
    expect(issuePaths(await admin.post(`/api/deals/${deal.id}/move`, { stageId: p2.stages[0].id }))).toEqual(["body.stageId"]);
    await admin.post(`/api/deals/${deal.id}/close`, { status: "won" });
    expectError(await admin.post(`/api/deals/${deal.id}/move`, { stageId: stage(1) }), 409, "invalid_state");
  });
});

describe("won / lost / reopen", () => {
  it("400 at body.reason when lost without a reason; 200 lost with one, then reopen", async () => {
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id });
    const noReason = await admin.post(`/api/deals/${deal.id}/close`, { status: "lost" });
    expectError(noReason, 400, "validation_failed");
    expect(issuePaths(noReason)).toEqual(["body.reason"]);
    const lost = await admin.post(`/api/deals/${deal.id}/close`, { status: "lost", reason: "Budget cut" });
    expect(lost.body.data).toMatchObject({ status: "lost", lostReason: "Budget cut" });
    expect(lost.body.data.closedAt).not.toBeNull();
    expectError(await admin.post(`/api/deals/${deal.id}/close`, { status: "won" }), 409, "invalid_state");
    const reopened = await admin.post(`/api/deals/${deal.id}/reopen`);
    expect(reopened.body.data).toMatchObject({ status: "open", lostReason: null, closedAt: null });
    const kinds = (await admin.get(`/api/activities?entityType=deal&entityId=${deal.id}&kind=status_changed`)).body.data.map((a: { meta: unknown }) => a.meta);
    expect(kinds).toEqual([{ from: "lost", to: "open" }, { from: "open", to: "lost", reason: "Budget cut" }]);
  });

  it("closed deals leave the board but stay in the list with status=won", async () => {
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, title: `Won ${hex()}` });
    await admin.post(`/api/deals/${deal.id}/close`, { status: "won" });
    const board = (await admin.get(`/api/pipelines/${pipeline.id}/board?limit=100`)).body.columns.flatMap((c: { deals: DealDto[] }) => c.deals.map((d) => d.id));
    expect(board).not.toContain(deal.id);
    expect(ids(await admin.get("/api/deals?status=won&limit=200"))).toContain(deal.id);
  });
});

describe("PATCH /api/deals/:id", () => {
  it("200 edits fields, writes owner_changed with names and an 'updated' entry", async () => {
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.admin.id });
    const res = await admin.patch(`/api/deals/${deal.id}`, { title: "Renamed", valueMinor: 999, ownerId: team.users.staff.id, tags: ["hot", "hot"] });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: "Renamed", valueMinor: 999, owner: { id: team.users.staff.id }, tags: ["hot"] });
    const entries = (await admin.get(`/api/activities?entityType=deal&entityId=${deal.id}`)).body.data;
    const owner = entries.find((a: { kind: string }) => a.kind === "owner_changed");
    expect(owner.meta).toEqual({ from: { id: team.users.admin.id, name: team.users.admin.name }, to: { id: team.users.staff.id, name: team.users.staff.name } });
    expect(entries.some((a: { kind: string }) => a.kind === "updated")).toBe(true);
  });

  it("400 at body.clientId when both client and lead would be cleared", async () => {
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id });
    expect(issuePaths(await admin.patch(`/api/deals/${deal.id}`, { clientId: null }))).toEqual(["body.clientId"]);
  });

  it("400 at body.customFields.<key> for a bad custom value; 200 stores a good one and filters by it", async () => {
    const field = (await admin.post("/api/custom-fields", { entityType: "deal", label: "Budget", key: `budget_${hex()}`, type: "number" })).body.data as { key: string };
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id });
    const bad = await admin.patch(`/api/deals/${deal.id}`, { customFields: { [field.key]: "lots" } });
    expect(issuePaths(bad)).toEqual([`body.customFields.${field.key}`]);
    const good = await admin.patch(`/api/deals/${deal.id}`, { customFields: { [field.key]: 42 } });
    expect(good.body.data.customFields).toEqual({ [field.key]: 42 });
    expect(ids(await admin.get(`/api/deals?cf=${field.key}:42`))).toEqual([deal.id]);
    expectError(await admin.get("/api/deals?cf=nope:1"), 400, "validation_failed");
  });
});

describe("rotting", () => {
  it("flags an open deal untouched for longer than the pipeline's rotting days, and logging an activity clears it", async () => {
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, title: `Stale ${hex()}` });
    await t.database.db.update(deals).set({ lastActivityAt: sql`now() - interval '20 days'` }).where(eq(deals.id, deal.id));
    const fresh = await buildDeal(t.database.db, { workspaceId: team.workspace.id });
    expect((await admin.get(`/api/deals/${deal.id}`)).body.data.rotting).toBe(true);
    expect((await admin.get(`/api/deals/${fresh.id}`)).body.data.rotting).toBe(false);
    const rotting = ids(await admin.get("/api/deals?rotting=true&limit=200"));
    expect(rotting).toContain(deal.id);
    expect(rotting).not.toContain(fresh.id);
    const board = (await admin.get(`/api/pipelines/${pipeline.id}/board?limit=100`)).body.columns[0].deals.find((d: DealDto) => d.id === deal.id);
    expect(board.rotting).toBe(true);
    await admin.post("/api/activities", { entityType: "deal", entityId: deal.id, kind: "call", body: "Caught up" });
    expect((await admin.get(`/api/deals/${deal.id}`)).body.data.rotting).toBe(false);
  });

  it("never flags a deal of a pipeline without rotting days", async () => {
    const p = (await admin.post("/api/pipelines", { name: `Never ${hex()}`, rottingDays: null })).body.data;
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: p.stages[0].id });
    await t.database.db.update(deals).set({ lastActivityAt: sql`now() - interval '400 days'` }).where(eq(deals.id, deal.id));
    expect((await admin.get(`/api/deals/${deal.id}`)).body.data.rotting).toBe(false);
  });
});

describe("GET /api/pipelines/:id/board", () => {
  it("200 with count, total and weighted value per stage and per currency, and load more by cursor", async () => {
    const p = (await admin.post("/api/pipelines", { name: `Board ${hex()}`, stages: [{ name: "Half", probability: 50 }, { name: "Empty", probability: 90 }] })).body.data as PipelineDto;
    const s = p.stages[0]!.id;
    for (let i = 0; i < 5; i++) await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: s, valueMinor: 1000, title: `card ${i}` });
    await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: s, valueMinor: 333, currency: "EUR", title: "card eur" });
    const board = BoardResponse.parse((await admin.get(`/api/pipelines/${p.id}/board?limit=4`)).body);
    const [half, empty] = board.columns;
    expect(half!.count).toBe(6);
    expect(half!.totals).toEqual([
      { currency: "EUR", valueMinor: 333, weightedMinor: 167 },
      { currency: "USD", valueMinor: 5000, weightedMinor: 2500 },
    ]);
    expect(half!.deals.map((d) => d.title)).toEqual(["card 0", "card 1", "card 2", "card 3"]);
    expect(empty).toMatchObject({ count: 0, totals: [], deals: [], nextCursor: null });
    const more = BoardResponse.parse((await admin.get(`/api/pipelines/${p.id}/board?limit=4&stageId=${s}&cursor=${half!.nextCursor}`)).body);
    expect(more.columns).toHaveLength(1);
    expect(more.columns[0]!.deals.map((d) => d.title)).toEqual(["card 4", "card eur"]);
    expect(more.columns[0]!.nextCursor).toBeNull();
    const filtered = BoardResponse.parse((await admin.get(`/api/pipelines/${p.id}/board?q=eur`)).body);
    expect(filtered.columns[0]!.deals.map((d) => d.title)).toEqual(["card eur"]);
  });

  it("200 cards carry only the card's fields, with the same names, timestamps, time in stage and rotting as the deal itself", async () => {
    const p = (await admin.post("/api/pipelines", { name: `Cards ${hex()}`, rottingDays: 10, stages: [{ name: "Only", probability: 40 }] })).body.data as PipelineDto;
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const contact = await buildContact(t.database.db, { workspaceId: team.workspace.id, clientId: client.id, firstName: "Ada", lastName: null });
    const lead = await insertLead(team.workspace.id, null);
    const named = await buildDeal(t.database.db, {
      workspaceId: team.workspace.id,
      pipelineId: p.id,
      stageId: p.stages[0]!.id,
      clientId: client.id,
      contactId: contact.id,
      leadId: lead.id,
      ownerId: team.users.sales_agent.id,
      tags: ["vip"],
      expectedCloseDate: "2031-02-03",
      position: 1,
    });
    const bare = await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: p.stages[0]!.id, clientId: null, leadId: lead.id, ownerId: null, position: 2 });
    // Stale for 11 days against the pipeline's 10, in its stage for 3 days (microseconds on purpose).
    await t.database.db
      .update(deals)
      .set({ lastActivityAt: sql`now() - interval '11 days 0.123456 seconds'`, stageEnteredAt: sql`now() - interval '3 days 0.987654 seconds'` })
      .where(eq(deals.id, named.id));
    const raw = (await admin.get(`/api/pipelines/${p.id}/board`)).body;
    const cards = BoardResponse.parse(raw).columns[0]!.deals;
    expect(cards.map((c) => c.id)).toEqual([named.id, bare.id]);
    for (const [i, card] of cards.entries()) {
      // Exactly the card's fields (nothing the card doesn't show rides along), equal to the deal's.
      expect(Object.keys(raw.columns[0].deals[i]).sort()).toEqual(Object.keys(BoardCardDto.shape).sort());
      const { timeInStageSeconds, ...rest } = BoardCardDto.parse(DealResponse.parse((await admin.get(`/api/deals/${card.id}`)).body).data);
      expect(card).toEqual({ ...rest, timeInStageSeconds: card.timeInStageSeconds });
      expect(Math.abs(card.timeInStageSeconds - timeInStageSeconds)).toBeLessThanOrEqual(2);
    }
    expect(cards[0]).toMatchObject({
      client: { id: client.id, name: client.name },
      lead: { id: lead.id, name: lead.name },
      owner: { id: team.users.sales_agent.id, name: team.users.sales_agent.name },
      rotting: true,
      tags: ["vip"],
      expectedCloseDate: "2031-02-03",
    });
    expect(cards[0]!.timeInStageSeconds).toBeGreaterThanOrEqual(3 * 86_400);
    expect(cards[0]!.timeInStageSeconds).toBeLessThan(3 * 86_400 + 60);
    expect(cards[1]).toMatchObject({ client: null, owner: null, rotting: false });
  });

  it("200 shows a renamed stage, new rotting days and a new stage order right after each edit", async () => {
    const p = (await admin.post("/api/pipelines", { name: `Edits ${hex()}`, rottingDays: null, stages: [{ name: "One", probability: 10 }, { name: "Two", probability: 20 }] })).body.data as PipelineDto;
    const [one, two] = [p.stages[0]!.id, p.stages[1]!.id];
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, pipelineId: p.id, stageId: one, valueMinor: 1000 });
    await t.database.db.update(deals).set({ lastActivityAt: sql`now() - interval '5 days'` }).where(eq(deals.id, deal.id));
    const board = async () => BoardResponse.parse((await admin.get(`/api/pipelines/${p.id}/board`)).body);
    const before = await board();
    expect(before.columns.map((c) => c.stage.name)).toEqual(["One", "Two"]);
    expect(before.columns[0]!.deals[0]!.rotting).toBe(false);
    expect((await admin.patch(`/api/pipelines/${p.id}/stages/${one}`, { name: "First", probability: 60 })).status).toBe(200);
    expect((await admin.patch(`/api/pipelines/${p.id}`, { rottingDays: 3, name: "Renamed" })).status).toBe(200);
    expect((await admin.put(`/api/pipelines/${p.id}/stages/order`, { stageIds: [two, one] })).status).toBe(200);
    const after = await board();
    expect(after.pipeline).toMatchObject({ name: "Renamed", rottingDays: 3 });
    expect(after.columns.map((c) => c.stage.name)).toEqual(["Two", "First"]);
    expect(after.columns[1]).toMatchObject({ totals: [{ currency: "USD", valueMinor: 1000, weightedMinor: 600 }] });
    expect(after.columns[1]!.stage).toMatchObject({ id: one, name: "First", probability: 60 });
    expect(after.columns[1]!.deals[0]).toMatchObject({ id: deal.id, rotting: true });
    expect((await admin.post(`/api/pipelines/${p.id}/stages`, { name: "Three", probability: 30 })).status).toBe(201);
    expect((await board()).columns.map((c) => c.stage.name)).toEqual(["Two", "First", "Three"]);
  });

  it("200 filters cards, counts and sums by owner and by tag", async () => {
    const p = (await admin.post("/api/pipelines", { name: `Filters ${hex()}`, stages: [{ name: "Only", probability: 100 }] })).body.data as PipelineDto;
    const at = { workspaceId: team.workspace.id, pipelineId: p.id, stageId: p.stages[0]!.id };
    const mine = await buildDeal(t.database.db, { ...at, ownerId: team.users.sales_agent.id, valueMinor: 700, tags: ["hot"], position: 1 });
    await buildDeal(t.database.db, { ...at, ownerId: team.users.admin.id, valueMinor: 300, tags: ["hot"], position: 2 });
    await buildDeal(t.database.db, { ...at, ownerId: team.users.sales_agent.id, valueMinor: 50, position: 3 });
    const column = async (qs: string) => BoardResponse.parse((await admin.get(`/api/pipelines/${p.id}/board?${qs}`)).body).columns[0]!;
    const byOwner = await column(`ownerId=${team.users.sales_agent.id}`);
    expect(byOwner).toMatchObject({ count: 2, totals: [{ currency: "USD", valueMinor: 750, weightedMinor: 750 }] });
    expect(byOwner.deals.map((d) => d.owner?.id)).toEqual([team.users.sales_agent.id, team.users.sales_agent.id]);
    const byTag = await column("tag=hot");
    expect(byTag).toMatchObject({ count: 2, totals: [{ currency: "USD", valueMinor: 1000, weightedMinor: 1000 }] });
    const both = await column(`tag=hot&ownerId=${team.users.sales_agent.id}`);
    expect(both.deals.map((d) => d.id)).toEqual([mine.id]);
  });

  it("400 invalid_cursor for a tampered cursor", async () => {
    expectError(await admin.get(`/api/pipelines/${pipeline.id}/board?stageId=${stage(0)}&cursor=nope`), 400, "invalid_cursor");
  });
});

describe("GET /api/deals/forecast", () => {
  it("200 sums open deals' value and value × probability by close month and currency", async () => {
    const ws = await buildTeam(t.database.db);
    const boss = await loginAs(t, ws.users.admin);
    const p = (await boss.get("/api/pipelines")).body.data[0] as PipelineDto;
    const [lead, proposal] = [p.stages[0]!.id, p.stages[2]!.id];
    await buildDeal(t.database.db, { workspaceId: ws.workspace.id, stageId: lead, valueMinor: 10_000, expectedCloseDate: "2030-05-03" });
    await buildDeal(t.database.db, { workspaceId: ws.workspace.id, stageId: proposal, valueMinor: 20_000, expectedCloseDate: "2030-05-28" });
    await buildDeal(t.database.db, { workspaceId: ws.workspace.id, stageId: proposal, valueMinor: 7_000, expectedCloseDate: "2030-06-01", currency: "EUR" });
    await buildDeal(t.database.db, { workspaceId: ws.workspace.id, stageId: proposal, valueMinor: 4_000 });
    await buildDeal(t.database.db, { workspaceId: ws.workspace.id, stageId: proposal, valueMinor: 99_000, expectedCloseDate: "2030-05-10", status: "won" });
    const res = ForecastResponse.parse((await boss.get(`/api/deals/forecast?pipelineId=${p.id}`)).body);
    expect(res.data).toEqual([
      { month: "2030-05", currency: "USD", dealCount: 2, valueMinor: 30_000, weightedMinor: 11_000 },
      { month: "2030-06", currency: "EUR", dealCount: 1, valueMinor: 7_000, weightedMinor: 3_500 },
      { month: null, currency: "USD", dealCount: 1, valueMinor: 4_000, weightedMinor: 2_000 },
    ]);
  });
});

describe("GET /api/deals", () => {
  it("200 pages by keyset with sort=value and finds by typo-tolerant search", async () => {
    const tag = `t${hex()}`;
    for (const v of [300, 100, 500, 200, 400]) await buildDeal(t.database.db, { workspaceId: team.workspace.id, valueMinor: v, tags: [tag], title: `Valued ${v}` });
    const first = DealListResponse.parse((await admin.get(`/api/deals?tag=${tag}&sort=value&order=asc&limit=2`)).body);
    expect(first.data.map((d) => d.valueMinor)).toEqual([100, 200]);
    const second = DealListResponse.parse((await admin.get(`/api/deals?tag=${tag}&sort=value&order=asc&limit=2&cursor=${first.meta.nextCursor}`)).body);
    expect(second.data.map((d) => d.valueMinor)).toEqual([300, 400]);
    const byTitle = (await admin.get(`/api/deals?tag=${tag}&sort=title&order=desc`)).body.data.map((d: DealDto) => d.title);
    expect(byTitle[0]).toBe("Valued 500");
    const unique = `Zephyrine${hex()}`;
    const target = await buildDeal(t.database.db, { workspaceId: team.workspace.id, title: `${unique} rebrand` });
    expect(ids(await admin.get(`/api/deals?q=${unique.slice(0, -1)}`))).toContain(target.id);
  });

  it("200 filters by stage and by status independently (each filter set is its own statement)", async () => {
    const tag = `f${hex()}`;
    const inLead = await buildDeal(t.database.db, { workspaceId: team.workspace.id, stageId: stage(0), tags: [tag] });
    const won = await buildDeal(t.database.db, { workspaceId: team.workspace.id, stageId: stage(3), tags: [tag], status: "won" });
    expect(ids(await admin.get(`/api/deals?tag=${tag}&stageId=${stage(0)}`))).toEqual([inLead.id]);
    expect(ids(await admin.get(`/api/deals?tag=${tag}&status=won`))).toEqual([won.id]);
    expect(ids(await admin.get(`/api/deals?tag=${tag}&status=open&stageId=${stage(3)}`))).toEqual([]);
  });

  it("200 sorts by expected close date with undated deals last, across pages", async () => {
    const tag = `d${hex()}`;
    for (const d of ["2030-02-01", null, "2030-01-01", null, "2030-03-01"]) await buildDeal(t.database.db, { workspaceId: team.workspace.id, expectedCloseDate: d, tags: [tag] });
    const seen: (string | null)[] = [];
    let cursor = "";
    for (let i = 0; i < 5; i++) {
      const res = DealListResponse.parse((await admin.get(`/api/deals?tag=${tag}&sort=expectedCloseDate&order=asc&limit=2${cursor}`)).body);
      seen.push(...res.data.map((d) => d.expectedCloseDate));
      if (!res.meta.nextCursor) break;
      cursor = `&cursor=${res.meta.nextCursor}`;
    }
    expect(seen).toEqual(["2030-01-01", "2030-02-01", "2030-03-01", null, null]);
  });
});

describe("deal search modes (text-search.ts): list, export and board", () => {
  /** Walks every page of a deal list and returns the ids in order. */
  async function allPages(client: ApiClient, query: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res = await client.get(`/api/deals?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.status).toBe(200);
      const body = DealListResponse.parse(res.body);
      seen.push(...body.data.map((d) => d.id));
      cursor = body.meta.nextCursor;
      if (!cursor) return seen;
      expect(body.data).toHaveLength(limit);
    }
    throw new Error("paging did not end");
  }
  const cardsOf = (res: { body: unknown }) => BoardResponse.parse(res.body).columns.flatMap((c) => c.deals.map((d) => d.id));

  it("200 finds a deal by a fragment of its title or a tag (exact mode), by words in any order (full text), and despite a typo in the title (typo mode), in the list, the export and the board", async () => {
    const ws = await buildTeam(t.database.db);
    const boss = await loginAs(t, ws.users.admin);
    const target = await buildDeal(t.database.db, { workspaceId: ws.workspace.id, title: "Quillfeather rebrand", tags: ["wholesale"] });
    await buildDeal(t.database.db, { workspaceId: ws.workspace.id, title: "Inkwell website", tags: ["retail"] });
    for (const q of ["llfeath", "REBRAND", "wholesal", "rebrand quillfeather", "Quilfeather", "Quillfeathr rebrand"]) {
      expect(ids(await boss.get(`/api/deals?q=${encodeURIComponent(q)}`)), q).toEqual([target.id]);
      expect(cardsOf(await boss.get(`/api/pipelines/${target.pipelineId}/board?q=${encodeURIComponent(q)}`)), q).toEqual([target.id]);
    }
    const csv = await boss.get(`/api/deals/export.csv?q=${encodeURIComponent("Quilfeather")}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(target.id);
    expect(csv.text).not.toContain("Inkwell");
  });

  it("200 with only the sales agent's own deals, and staff's own once the workspace says so, in each search mode (fragment, full text, typo): list, export and board; 403 for a creator", async () => {
    const ws = await buildTeam(t.database.db);
    const w = ws.workspace.id;
    const [agent, worker, boss, maker] = await Promise.all([loginAs(t, ws.users.sales_agent), loginAs(t, ws.users.staff), loginAs(t, ws.users.admin), loginAs(t, ws.users.creator)]);
    expect((await boss.patch("/api/workspace", { staffPipelineScope: "own" })).status).toBe(200);
    const agents = await buildDeal(t.database.db, { workspaceId: w, title: "Lovelace engines", ownerId: ws.users.sales_agent.id });
    const staffs = await buildDeal(t.database.db, { workspaceId: w, title: "Lovelace engines", ownerId: ws.users.staff.id });
    const admins = await buildDeal(t.database.db, { workspaceId: w, title: "Lovelace engines", ownerId: ws.users.admin.id });
    for (const q of ["lovel", "engines lovelace", "lovelaze"]) {
      const query = `q=${encodeURIComponent(q)}`;
      expect(ids(await agent.get(`/api/deals?${query}`)), q).toEqual([agents.id]);
      expect(ids(await worker.get(`/api/deals?${query}`)), q).toEqual([staffs.id]);
      expect(cardsOf(await agent.get(`/api/pipelines/${agents.pipelineId}/board?${query}`)), q).toEqual([agents.id]);
      expect(cardsOf(await worker.get(`/api/pipelines/${agents.pipelineId}/board?${query}`)), q).toEqual([staffs.id]);
      const csv = (await agent.get(`/api/deals/export.csv?${query}`)).text;
      expect(csv, q).toContain(agents.id);
      expect(csv, q).not.toContain(staffs.id);
      expect(csv, q).not.toContain(admins.id);
      expectError(await maker.get(`/api/deals?${query}`), 403, "forbidden");
    }
    expect(ids(await boss.get("/api/deals?q=lovelaze")).sort()).toEqual([agents.id, staffs.id, admins.id].sort());
  });

  it("200 pages of one search keep the mode of its first page, in the list and in a board column's load more: typo pages through its close matches, a page-filling exact search never adds them", async () => {
    const ws = await buildTeam(t.database.db);
    const boss = await loginAs(t, ws.users.admin);
    const w = ws.workspace.id;
    const close: DealRow[] = [];
    for (const title of ["Lovelace Ada", "Lovelace Byron", "Lovelac Anne", "Lovelance Lord"]) close.push(await buildDeal(t.database.db, { workspaceId: w, title }));
    const pipelineId = close[0]!.pipelineId;
    const stageId = close[0]!.stageId;
    expect((await allPages(boss, "q=lovelaze", 1)).sort()).toEqual(close.map((d) => d.id).sort());
    // The board's column cursor carries typo mode too: load more walks the rest of the close matches.
    const boardCards: string[] = [];
    let res = await boss.get(`/api/pipelines/${pipelineId}/board?q=lovelaze&limit=1`);
    for (let i = 0; i < 10; i++) {
      const column = BoardResponse.parse(res.body).columns.find((c) => c.stage.id === stageId)!;
      expect(column.count).toBe(4);
      boardCards.push(...column.deals.map((d) => d.id));
      if (!column.nextCursor) break;
      res = await boss.get(`/api/pipelines/${pipelineId}/board?q=lovelaze&limit=1&stageId=${stageId}&cursor=${encodeURIComponent(column.nextCursor)}`);
    }
    expect(boardCards).toEqual(close.map((d) => d.id));
    // A full page of exact matches: exact mode on every page and every column, so the near miss never shows up.
    const exact: string[] = [];
    for (let i = 0; i < 55; i++) exact.push((await buildDeal(t.database.db, { workspaceId: w, title: `Pemberton ${i}`, clientId: null })).id);
    const nearMiss = await buildDeal(t.database.db, { workspaceId: w, title: "Pembertin", clientId: null });
    const exactRows = await allPages(boss, "q=pemberton", 20);
    expect([...exactRows].sort()).toEqual([...exact].sort());
    const board = BoardResponse.parse((await boss.get(`/api/pipelines/${pipelineId}/board?q=pemberton&limit=50`)).body);
    const column = board.columns.find((c) => c.stage.id === stageId)!;
    expect(column.count).toBe(55);
    const more = BoardResponse.parse((await boss.get(`/api/pipelines/${pipelineId}/board?q=pemberton&limit=50&stageId=${stageId}&cursor=${encodeURIComponent(column.nextCursor!)}`)).body);
    expect([...column.deals, ...more.columns[0]!.deals].map((d) => d.id)).toEqual(exact);
    // With few exact matches the near miss is found (typo mode).
    expect(ids(await boss.get("/api/deals?q=pembertin"))).toContain(nearMiss.id);
    expect(cardsOf(await boss.get(`/api/pipelines/${pipelineId}/board?q=pembertin&limit=100`))).toContain(nearMiss.id);
  });
});

describe("POST /api/deals/bulk", () => {
  it("200 applies to visible deals and skips the rest; lost needs a reason", async () => {
    const mine = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    const other = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.admin.id });
    const res = await sales.post("/api/deals/bulk", { ids: [mine.id, other.id], action: { type: "add_tag", tag: "bulked" } });
    expect(res.body).toEqual({ updated: 1, skipped: [{ id: other.id, reason: "not_found" }] });
    expect((await sales.get(`/api/deals/${mine.id}`)).body.data.tags).toEqual(["bulked"]);
    const noReason = await admin.post("/api/deals/bulk", { ids: [mine.id], action: { type: "set_status", status: "lost" } });
    expect(issuePaths(noReason)).toEqual(["body.action.reason"]);
    const lost = await admin.post("/api/deals/bulk", { ids: [mine.id, other.id], action: { type: "set_status", status: "lost", reason: "Gone quiet" } });
    expect(lost.body.updated).toBe(2);
    expect((await admin.get(`/api/deals/${other.id}`)).body.data).toMatchObject({ status: "lost", lostReason: "Gone quiet" });
    const owner = await admin.post("/api/deals/bulk", { ids: [other.id], action: { type: "assign_owner", ownerId: team.users.sales_agent.id } });
    expect(owner.body.updated).toBe(1);
    expect(ids(await sales.get("/api/deals?limit=200"))).toContain(other.id);
    // The timeline names both owners, as a single edit does.
    const timeline = await admin.get(`/api/activities?entityType=deal&entityId=${other.id}&kind=owner_changed`);
    expect(timeline.body.data[0].meta).toEqual({ from: { id: team.users.admin.id, name: team.users.admin.name }, to: { id: team.users.sales_agent.id, name: team.users.sales_agent.name } });
  });

  it("skips every deal as forbidden when a sales agent bulk-deletes (no deals.delete); admin deletes", async () => {
    const mine = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    expect((await sales.post("/api/deals/bulk", { ids: [mine.id], action: { type: "delete" } })).body).toEqual({ updated: 0, skipped: [{ id: mine.id, reason: "forbidden" }] });
    expect((await admin.post("/api/deals/bulk", { ids: [mine.id], action: { type: "delete" } })).body.updated).toBe(1);
    expectError(await admin.get(`/api/deals/${mine.id}`), 404, "not_found");
  });
});

describe("GET /api/deals/export.csv", () => {
  it("200 streams the filtered deals with names, custom field columns and formula injection defused", async () => {
    // Through the API, so the definitions cache sees it.
    const field = (await admin.post("/api/custom-fields", { entityType: "deal", label: "Source note", key: `src_${hex()}`, type: "text" })).body.data as { key: string };
    const tag = `csv${hex()}`;
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, title: "=HYPERLINK(\"x\")", tags: [tag], customFields: { [field.key]: "referral" } });
    await buildDeal(t.database.db, { workspaceId: team.workspace.id, title: "Other" });
    const res = await admin.get(`/api/deals/export.csv?tag=${tag}`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const lines = res.text.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("Source note");
    expect(lines[1]).toContain(deal.id);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain("referral");
    expect(lines[1]).toContain("Lead in");
  });
});

describe("DELETE /api/deals/:id", () => {
  it("204 removes the deal's attachments and their stored files", async () => {
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id });
    const file = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: team.workspace.id, entityType: "deal", entityId: deal.id });
    expect(await t.ctx.storage.exists(file.storageKey)).toBe(true);
    expect((await admin.delete(`/api/deals/${deal.id}`)).status).toBe(204);
    expect(await t.ctx.storage.exists(file.storageKey)).toBe(false);
    const bulkDeal = await buildDeal(t.database.db, { workspaceId: team.workspace.id });
    const bulkFile = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: team.workspace.id, entityType: "deal", entityId: bulkDeal.id });
    expect((await admin.post("/api/deals/bulk", { ids: [bulkDeal.id], action: { type: "delete" } })).body.updated).toBe(1);
    expect(await t.ctx.storage.exists(bulkFile.storageKey)).toBe(false);
  });

  it("204 for an admin with its timeline; 403 for a sales agent (no deals.delete)", async () => {
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    expectError(await sales.delete(`/api/deals/${deal.id}`), 403, "forbidden");
    expect((await admin.delete(`/api/deals/${deal.id}`)).status).toBe(204);
    expectError(await admin.get(`/api/activities?entityType=deal&entityId=${deal.id}`), 404, "not_found");
    expect(await auditRows(t, { entityId: deal.id, action: "deal.deleted" })).toHaveLength(1);
  });
});


describe("seedDeal (for the demo seed)", () => {
  it("places a deal in the given stage with its stage stay and a 'created' entry, visible through the API", async () => {
    const seeded = await seedDeal(t.database.db, {
      workspaceId: team.workspace.id,
      title: `Seeded ${hex()}`,
      clientId: team.client.id,
      ownerId: team.users.sales_agent.id,
      valueMinor: 250_000,
      currency: "GBP",
      stageIndex: 2,
      expectedCloseDate: "2031-06-30",
    });
    const dto = (await sales.get(`/api/deals/${seeded.id}`)).body.data as DealDto;
    expect(dto).toMatchObject({ stage: { id: stage(2) }, owner: { id: team.users.sales_agent.id }, valueMinor: 250_000, currency: "GBP", status: "open" });
    expect((await sales.get(`/api/deals/${seeded.id}/stage-history`)).body.data).toHaveLength(1);
    expect((await sales.get(`/api/activities?entityType=deal&entityId=${seeded.id}`)).body.data.map((a: { kind: string }) => a.kind)).toEqual(["created"]);
  });
});
