import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientDto, ClientListResponse, ClientResponse } from "../../shared/contracts/clients";
import { assignClient, buildClient, buildContact, buildTeam, buildUser, buildWorkspace } from "../factories";
import { clients } from "../../server/db/schema";
import { RELEVANCE_WINDOW } from "../../server/lib/text-search";
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

const hex = () => randomBytes(3).toString("hex");
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((c) => c.id);

/** Walks every page of a list and returns the rows in order. */
async function allPages(client: ApiClient, query: string, limit: number): Promise<ClientDto[]> {
  const rows: ClientDto[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await client.get(`/api/clients?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status).toBe(200);
    const body = ClientListResponse.parse(res.body);
    rows.push(...body.data);
    cursor = body.meta.nextCursor;
    if (!cursor) return rows;
    expect(body.data).toHaveLength(limit);
  }
  throw new Error("paging did not end");
}

describe("POST /api/clients", () => {
  it("201 with every field, an audit row and a 'created' timeline entry", async () => {
    const res = await admin.post("/api/clients", {
      name: `Full ${hex()}`,
      status: "active",
      industry: "Coffee",
      website: "https://acme.example",
      phone: "+44 20 1234 5678",
      address: { line1: "1 High St", city: "London", country: "GB" },
      ownerId: team.users.sales_agent.id,
      tags: ["vip", "vip", "retail"],
      notes: "Likes oat milk",
      retainer: { amountMinor: 250000, currency: "GBP" },
    });
    expect(res.status).toBe(201);
    const dto = ClientResponse.parse(res.body).data;
    expect(dto).toMatchObject({
      status: "active",
      owner: { id: team.users.sales_agent.id, name: team.users.sales_agent.name },
      tags: ["vip", "retail"],
      retainer: { amountMinor: 250000, currency: "GBP" },
      portalSettings: { tasks: false, invoices: false, tickets: false, messages: false, reports: false },
      contactCount: 0,
      abilities: { update: true, delete: true, manageAssignees: true, managePortal: true },
    });
    expect((await auditRows(t, { entityId: dto.id, action: "client.created" })).length).toBe(1);
    const timeline = await admin.get(`/api/activities?entityType=client&entityId=${dto.id}`);
    expect(timeline.body.data.map((a: { kind: string }) => a.kind)).toEqual(["created"]);
  });

  it("400 validation_failed listing each bad field with its path", async () => {
    const res = await admin.post("/api/clients", { name: "", status: "gone", website: "nope", retainer: { amountMinor: -1, currency: "XXX" }, address: { country: "gb" }, extra: 1 });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining(["body", "body.address.country", "body.name", "body.retainer.amountMinor", "body.retainer.currency", "body.status", "body.website"]),
    );
  });

  it("400 when the owner is not a team member of this workspace", async () => {
    const stranger = await buildUser(t.database.db);
    const res = await admin.post("/api/clients", { name: "Owner check", ownerId: stranger.id });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.ownerId"]);
  });

  it("a sales agent's new client is their own, so they still see it", async () => {
    const res = await sales.post("/api/clients", { name: `Mine ${hex()}` });
    expect(res.status).toBe(201);
    expect(res.body.data.owner.id).toBe(team.users.sales_agent.id);
    expect((await sales.get(`/api/clients/${res.body.data.id}`)).status).toBe(200);
  });
});

describe("visibility per role", () => {
  let ws: Awaited<ReturnType<typeof buildTeam>>;
  let owned: { id: string };
  let assigned: { id: string };
  let creatorsClient: { id: string };
  let other: { id: string };
  let agent: ApiClient;
  let maker: ApiClient;
  let wsAdmin: ApiClient;
  beforeAll(async () => {
    ws = await buildTeam(t.database.db);
    const db = t.database.db;
    const w = ws.workspace.id;
    owned = await buildClient(db, { workspaceId: w, name: "Vis Owned", ownerId: ws.users.sales_agent.id, tags: ["seen"] });
    assigned = await buildClient(db, { workspaceId: w, name: "Vis Assigned" });
    await assignClient(db, { id: assigned.id, workspaceId: w }, ws.users.sales_agent.id);
    creatorsClient = await buildClient(db, { workspaceId: w, name: "Vis Creative" });
    await assignClient(db, { id: creatorsClient.id, workspaceId: w }, ws.users.creator.id);
    other = await buildClient(db, { workspaceId: w, name: "Vis Hidden", tags: ["seen"] });
    [agent, maker, wsAdmin] = await Promise.all([loginAs(t, ws.users.sales_agent), loginAs(t, ws.users.creator), loginAs(t, ws.users.admin)]);
  });

  it("list: admin sees all, the sales agent owned + assigned, the creator assigned", async () => {
    expect(ids(await wsAdmin.get("/api/clients?limit=200")).sort()).toEqual([ws.client.id, owned.id, assigned.id, creatorsClient.id, other.id].sort());
    expect(ids(await agent.get("/api/clients?limit=200")).sort()).toEqual([owned.id, assigned.id].sort());
    expect(ids(await maker.get("/api/clients?limit=200"))).toEqual([creatorsClient.id]);
  });

  it("search and filters never widen visibility", async () => {
    expect(ids(await agent.get("/api/clients?q=Vis"))).not.toContain(other.id);
    expect(ids(await agent.get("/api/clients?tag=seen"))).toEqual([owned.id]);
    expect(ids(await maker.get(`/api/clients?assigneeId=${ws.users.sales_agent.id}`))).toEqual([]);
  });

  it("get: a colleague's client outside their visibility is 404 (like another workspace's)", async () => {
    expectError(await agent.get(`/api/clients/${other.id}`), 404, "not_found");
    expectError(await maker.get(`/api/clients/${owned.id}`), 404, "not_found");
    expect((await maker.get(`/api/clients/${creatorsClient.id}`)).body.data.abilities).toEqual({ update: false, delete: false, manageAssignees: false, managePortal: false });
  });

  it("timelines follow their record: invisible client → 404", async () => {
    expectError(await agent.get(`/api/activities?entityType=client&entityId=${other.id}`), 404, "not_found");
    expect((await maker.get(`/api/activities?entityType=client&entityId=${creatorsClient.id}`)).status).toBe(200);
  });
});

describe("GET /api/clients search", () => {
  let wsAdmin: ApiClient;
  let acme: { id: string };
  beforeAll(async () => {
    const ws = await buildWorkspace(t.database.db);
    const user = await buildUser(t.database.db, { workspaceId: ws.id, role: "admin" });
    wsAdmin = await loginAs(t, user);
    acme = await buildClient(t.database.db, { workspaceId: ws.id, name: "Acme Coffee Roasters", industry: "Hospitality", notes: "Third-wave espresso" });
    await buildClient(t.database.db, { workspaceId: ws.id, name: "Bluebird Dental", tags: ["healthcare"] });
    await buildClient(t.database.db, { workspaceId: ws.id, name: "Acme Plumbing" });
  });

  it("finds by a word in any field, by a tag, and by a typo in the name", async () => {
    expect(ids(await wsAdmin.get("/api/clients?q=espresso"))).toEqual([acme.id]);
    expect(ids(await wsAdmin.get("/api/clients?q=healthcare"))).toHaveLength(1);
    expect(ids(await wsAdmin.get(`/api/clients?q=${encodeURIComponent("Acme Cofee")}`))).toContain(acme.id);
    const ranked = await wsAdmin.get(`/api/clients?q=${encodeURIComponent("Acme Cofee")}&sort=relevance`);
    expect(ranked.body.data[0].id).toBe(acme.id);
    expect(ids(await wsAdmin.get("/api/clients?q=zzzqqq"))).toEqual([]);
  });

  it("pages through relevance-ranked results (best first) without gaps or repeats", async () => {
    const full = ids(await wsAdmin.get("/api/clients?q=acme&sort=relevance&limit=200"));
    expect(full.length).toBe(2);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await wsAdmin.get(`/api/clients?q=acme&sort=relevance&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      paged.push(...ids(res));
      cursor = res.body.meta.nextCursor;
    } while (cursor);
    expect(paged).toEqual(full);
  });
});

describe("GET /api/clients search modes (text-search.ts)", () => {
  it("200 finds a client by a fragment of its name, industry, website domain, phone, tag or notes (exact mode) and despite a typo in the name (typo mode)", async () => {
    const ws = await buildTeam(t.database.db);
    const boss = await loginAs(t, ws.users.admin);
    const w = ws.workspace.id;
    const target = await buildClient(t.database.db, {
      workspaceId: w,
      name: "Quillfeather Stationers",
      industry: "Paper goods",
      website: "https://www.quillfeather-shop.example",
      phone: "+441632960123",
      tags: ["wholesale"],
      notes: "Prefers letterpress",
    });
    await buildClient(t.database.db, { workspaceId: w, name: "Inkwell Printers", industry: "Printing", website: "https://inkwell.example" });
    for (const q of ["llfeath", "QUILLFEATHER", "paper goo", "quillfeather-shop.example", "1632960", "wholesal", "letterpress", "Quilfeather", "Quillfeathr Stationers"]) {
      expect(ids(await boss.get(`/api/clients?q=${encodeURIComponent(q)}`)), q).toEqual([target.id]);
      expect(ids(await boss.get(`/api/clients?q=${encodeURIComponent(q)}&sort=relevance`)), q).toEqual([target.id]);
    }
    // The export runs the same search, typo mode included.
    const csv = await boss.get(`/api/clients/export.csv?q=${encodeURIComponent("Quilfeather")}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(target.id);
    expect(csv.text).not.toContain("Inkwell");
  });

  it("200 with only the sales agent's and the creator's own clients in each search mode (fragment, full text, typo), both sorts", async () => {
    const ws = await buildTeam(t.database.db);
    const w = ws.workspace.id;
    const [agent, maker, boss] = await Promise.all([loginAs(t, ws.users.sales_agent), loginAs(t, ws.users.creator), loginAs(t, ws.users.admin)]);
    const values = { workspaceId: w, industry: "Analytical engines" };
    const agents = await buildClient(t.database.db, { ...values, name: "Lovelace Works North", ownerId: ws.users.sales_agent.id });
    const makers = await buildClient(t.database.db, { ...values, name: "Lovelace Works South" });
    await assignClient(t.database.db, makers, ws.users.creator.id);
    const nobodys = await buildClient(t.database.db, { ...values, name: "Lovelace Works East" });
    for (const q of ["lovel", "lovelace engines", "lovelaze"]) {
      for (const sort of ["name", "relevance"]) {
        expect(ids(await agent.get(`/api/clients?q=${encodeURIComponent(q)}&sort=${sort}`)), `${q} ${sort}`).toEqual([agents.id]);
        expect(ids(await maker.get(`/api/clients?q=${encodeURIComponent(q)}&sort=${sort}`)), `${q} ${sort}`).toEqual([makers.id]);
      }
    }
    expect(ids(await boss.get("/api/clients?q=lovelaze")).sort()).toEqual([agents.id, makers.id, nobodys.id].sort());
  });

  it("200 pages of one search keep the mode of its first page: typo pages through its close matches, a page-filling exact search never adds them (name and relevance sorts, and the export)", async () => {
    const ws = await buildWorkspace(t.database.db);
    const boss = await loginAs(t, await buildUser(t.database.db, { workspaceId: ws.id, role: "admin" }));
    const close = await Promise.all(["Lovelace Ada", "Lovelace Byron", "Lovelac Anne", "Lovelance Lord"].map((name) => buildClient(t.database.db, { workspaceId: ws.id, name })));
    const typoRows = await allPages(boss, "q=lovelaze", 1);
    expect(typoRows.map((c) => c.id).sort()).toEqual(close.map((c) => c.id).sort());
    expect((await allPages(boss, "q=lovelaze&sort=relevance", 1)).map((c) => c.id).sort()).toEqual(close.map((c) => c.id).sort());
    // A full page of exact matches (50): exact mode on every page, so the near miss never shows up.
    const exact: string[] = [];
    for (let i = 0; i < 55; i++) exact.push((await buildClient(t.database.db, { workspaceId: ws.id, name: `Pemberton ${String(i).padStart(2, "0")}` })).id);
    const nearMiss = await buildClient(t.database.db, { workspaceId: ws.id, name: "Pembertin" });
    const exactRows = await allPages(boss, "q=pemberton", 20);
    expect(exactRows.map((c) => c.id)).toEqual(exact);
    const byRelevance = await allPages(boss, "q=pemberton&sort=relevance", 20);
    expect(byRelevance.map((c) => c.id).sort()).toEqual([...exact].sort());
    const csv = await boss.get("/api/clients/export.csv?q=pemberton");
    expect(csv.text.trim().split("\r\n")).toHaveLength(56);
    expect(csv.text).not.toContain(nearMiss.id);
    // With few exact matches the near miss is found (typo mode).
    expect(ids(await boss.get("/api/clients?q=pembertin"))).toContain(nearMiss.id);
  });

  it(`200 best match ranks the newest ${RELEVANCE_WINDOW} matches, then the older ones newest first: every match once, across pages and the export`, async () => {
    const ws = await buildWorkspace(t.database.db);
    const boss = await loginAs(t, await buildUser(t.database.db, { workspaceId: ws.id, role: "admin" }));
    const base = Date.now() - 10_000_000;
    const at = (s: number) => new Date(base + s * 1000);
    // Fragment-only matches (no points), one a second; a perfect match inside the window and one older than it.
    const weak = await t.database.db
      .insert(clients)
      .values(Array.from({ length: RELEVANCE_WINDOW + 30 }, (_, i) => ({ workspaceId: ws.id, name: `Bob Xpemberton${i}`, createdAt: at(i + 1) })))
      .returning({ id: clients.id, createdAt: clients.createdAt });
    const [recentBest] = await t.database.db.insert(clients).values({ workspaceId: ws.id, name: "Pemberton New", createdAt: at(RELEVANCE_WINDOW + 25.5) }).returning({ id: clients.id });
    const [oldBest] = await t.database.db.insert(clients).values({ workspaceId: ws.id, name: "Pemberton Old", createdAt: at(0) }).returning({ id: clients.id });
    const newestFirst = [...weak, { ...recentBest!, createdAt: at(RELEVANCE_WINDOW + 25.5) }, { ...oldBest!, createdAt: at(0) }]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((c) => c.id);
    for (const limit of [50, 7]) {
      const rows = (await allPages(boss, "q=pemberton&sort=relevance", limit)).map((c) => c.id);
      expect(rows[0]).toBe(recentBest!.id);
      expect(rows).toHaveLength(newestFirst.length);
      expect(new Set(rows).size).toBe(rows.length);
      expect([...rows.slice(0, RELEVANCE_WINDOW)].sort()).toEqual(newestFirst.slice(0, RELEVANCE_WINDOW).sort());
      expect(rows.slice(RELEVANCE_WINDOW)).toEqual(newestFirst.slice(RELEVANCE_WINDOW));
      expect(rows.at(-1)).toBe(oldBest!.id);
    }
    const csv = await boss.get("/api/clients/export.csv?q=pemberton&sort=relevance");
    const csvIds = csv.text.trim().split("\r\n").slice(1).map((line) => line.split(",")[0]);
    expect(csvIds).toEqual((await allPages(boss, "q=pemberton&sort=relevance", 100)).map((c) => c.id));
  });

  it("400 invalid_cursor for a relevance cursor whose rank is not a number", async () => {
    const bad = Buffer.from(JSON.stringify(["x", "00000000-0000-4000-8000-000000000000"])).toString("base64url");
    expectError(await admin.get(`/api/clients?q=acme&sort=relevance&cursor=${bad}`), 400, "invalid_cursor");
  });
});

describe("GET /api/clients keyset paging", () => {
  let wsAdmin: ApiClient;
  let all: string[];
  beforeAll(async () => {
    const ws = await buildWorkspace(t.database.db);
    wsAdmin = await loginAs(t, await buildUser(t.database.db, { workspaceId: ws.id, role: "admin" }));
    all = [];
    for (const name of ["Delta", "alpha", "Charlie", "Bravo", "Charlie", "Echo", "Foxtrot"]) {
      all.push((await buildClient(t.database.db, { workspaceId: ws.id, name, status: name === "Echo" ? "paused" : "active" })).id);
    }
    await t.database.pool.query("UPDATE clients SET updated_at = now() - (random() * interval '10 days') WHERE workspace_id = $1", [ws.id]);
  });

  for (const sort of ["name", "createdAt", "updatedAt"] as const) {
    for (const order of ["asc", "desc"] as const) {
      it(`walks every page sorted by ${sort} ${order} without gaps or repeats`, async () => {
        const full = (await wsAdmin.get(`/api/clients?sort=${sort}&order=${order}&limit=200`)).body.data as ClientDto[];
        const paged = await allPages(wsAdmin, `sort=${sort}&order=${order}`, 2);
        expect(paged.map((c) => c.id)).toEqual(full.map((c) => c.id));
        expect(new Set(paged.map((c) => c.id))).toEqual(new Set(all));
        const key = (c: ClientDto) => (sort === "name" ? c.name : c[sort]);
        const sorted = [...paged].sort((a, b) => {
          const [ka, kb] = [key(a), key(b)];
          const cmp = ka === kb ? (a.id < b.id ? -1 : 1) : sort === "name" ? (ka < kb ? -1 : 1) : Date.parse(ka) - Date.parse(kb);
          return order === "asc" ? cmp : -cmp;
        });
        expect(paged.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
      });
    }
  }

  it("pages a filtered list, and 400 invalid_cursor for a tampered cursor", async () => {
    expect((await allPages(wsAdmin, "status=active", 2)).length).toBe(6);
    expectError(await wsAdmin.get("/api/clients?cursor=garbage"), 400, "invalid_cursor");
  });
});

describe("PATCH /api/clients/:id", () => {
  it("writes status_changed, owner_changed and updated timeline entries with from → to, and an audit row", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id, status: "prospect" });
    const res = await admin.patch(`/api/clients/${client.id}`, { status: "active", ownerId: team.users.manager.id, industry: "Retail" });
    expect(res.status).toBe(200);
    const timeline = (await admin.get(`/api/activities?entityType=client&entityId=${client.id}`)).body.data as { kind: string; meta: unknown }[];
    const byKind = Object.fromEntries(timeline.map((a) => [a.kind, a.meta]));
    expect(byKind.status_changed).toEqual({ from: "prospect", to: "active" });
    expect(byKind.owner_changed).toEqual({ from: null, to: { id: team.users.manager.id, name: team.users.manager.name } });
    expect(byKind.updated).toMatchObject({ fields: ["industry"] });
    const [audit] = await auditRows(t, { entityId: client.id, action: "client.updated" });
    expect(audit?.changes).toMatchObject({ status: { from: "prospect", to: "active" } });
  });

  it("403 for a creator, 400 for a bad field", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    expectError(await creator.patch(`/api/clients/${client.id}`, { name: "x" }), 403, "forbidden");
    const res = await admin.patch(`/api/clients/${client.id}`, { status: "bogus" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.status"]);
  });
});

describe("DELETE /api/clients/:id", () => {
  it("204 removes the client with its contacts; 409 while a portal user is bound", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    await buildContact(t.database.db, { clientId: client.id, workspaceId: team.workspace.id });
    expect((await admin.delete(`/api/clients/${client.id}`)).status).toBe(204);
    expectError(await admin.get(`/api/clients/${client.id}`), 404, "not_found");
    const bound = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    await buildUser(t.database.db, { workspaceId: team.workspace.id, role: "client", clientId: bound.id });
    expectError(await admin.delete(`/api/clients/${bound.id}`), 409, "conflict");
  });
});

describe("PUT /api/clients/:id/assignees and PATCH portal-settings", () => {
  it("replaces assignees (400 for a portal user) and switches portal sections", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const res = await admin.put(`/api/clients/${client.id}/assignees`, { userIds: [team.users.creator.id, team.users.staff.id] });
    expect(res.body.data.assignees.map((a: { id: string }) => a.id).sort()).toEqual([team.users.creator.id, team.users.staff.id].sort());
    expect((await creator.get(`/api/clients/${client.id}`)).status).toBe(200);
    const bad = await admin.put(`/api/clients/${client.id}/assignees`, { userIds: [team.users.staff.id, team.users.client.id] });
    expectError(bad, 400, "validation_failed");
    expect(issuePaths(bad)).toEqual(["body.userIds.1"]);
    const portal = await admin.patch(`/api/clients/${client.id}/portal-settings`, { tasks: true, reports: true });
    expect(portal.body.data.portalSettings).toEqual({ tasks: true, invoices: false, tickets: false, messages: false, reports: true });
    expectError(await admin.patch(`/api/clients/${client.id}/portal-settings`, { billing: true }), 400, "validation_failed");
  });
});

describe("POST /api/clients/bulk", () => {
  it("applies to permitted ids only, reports the rest, in one audited transaction", async () => {
    const w = team.workspace.id;
    const mine = await buildClient(t.database.db, { workspaceId: w, ownerId: team.users.sales_agent.id });
    const notMine = await buildClient(t.database.db, { workspaceId: w });
    const foreign = await buildClient(t.database.db);
    const res = await sales.post("/api/clients/bulk", { ids: [mine.id, notMine.id, foreign.id], action: { type: "set_status", status: "churned" } });
    expect(res.status).toBe(200);
    expect(res.body.updated).toBe(1);
    expect(res.body.skipped).toEqual(expect.arrayContaining([{ id: notMine.id, reason: "not_found" }, { id: foreign.id, reason: "not_found" }]));
    expect((await admin.get(`/api/clients/${mine.id}`)).body.data.status).toBe("churned");
    expect((await admin.get(`/api/clients/${notMine.id}`)).body.data.status).toBe("active");
    expect((await auditRows(t, { action: "client.bulk", actorId: team.users.sales_agent.id })).length).toBe(1);

    const del = await sales.post("/api/clients/bulk", { ids: [mine.id], action: { type: "delete" } });
    expect(del.body).toEqual({ updated: 0, skipped: [{ id: mine.id, reason: "forbidden" }] });
    const bound = await buildClient(t.database.db, { workspaceId: w });
    await buildUser(t.database.db, { workspaceId: w, role: "client", clientId: bound.id });
    const adminDel = await admin.post("/api/clients/bulk", { ids: [notMine.id, bound.id], action: { type: "delete" } });
    expect(adminDel.body).toEqual({ updated: 1, skipped: [{ id: bound.id, reason: "portal_users_bound" }] });
  });

  it("200 assigning an owner in bulk writes timeline entries that name both owners", async () => {
    const w = team.workspace.id;
    const client = await buildClient(t.database.db, { workspaceId: w, ownerId: team.users.staff.id });
    const res = await admin.post("/api/clients/bulk", { ids: [client.id], action: { type: "assign_owner", ownerId: team.users.sales_agent.id } });
    expect(res.body).toEqual({ updated: 1, skipped: [] });
    const timeline = await admin.get(`/api/activities?entityType=client&entityId=${client.id}&kind=owner_changed`);
    expect(timeline.body.data[0].meta).toEqual({ from: { id: team.users.staff.id, name: team.users.staff.name }, to: { id: team.users.sales_agent.id, name: team.users.sales_agent.name } });
  });

  it("400 for an unknown action or an empty id list", async () => {
    const res = await admin.post("/api/clients/bulk", { ids: [], action: { type: "explode" } });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(expect.arrayContaining(["body.action.type", "body.ids"]));
  });
});

describe("GET /api/clients/export.csv", () => {
  it("streams a CSV attachment with escaping, honouring filters and visibility", async () => {
    const ws = await buildTeam(t.database.db);
    const w = ws.workspace.id;
    const tricky = await buildClient(t.database.db, { workspaceId: w, name: 'Quote "Co", Ltd', notes: "x", tags: ["csv"], industry: "=HYPERLINK(1)" });
    const multi = await buildClient(t.database.db, { workspaceId: w, name: "Line\nBreak", tags: ["csv"], status: "paused" });
    const wsAdmin = await loginAs(t, ws.users.admin);
    const res = await wsAdmin.get("/api/clients/export.csv?tag=csv");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="clients-.*\.csv"$/);
    const text = res.text;
    expect(text.split("\r\n")[0]).toMatch(/^id,name,status,/);
    expect(text).toContain(`${tricky.id},"Quote ""Co"", Ltd",active,'=HYPERLINK(1)`);
    expect(text).toContain(`${multi.id},"Line\nBreak",paused`);
    expect(text).not.toContain(ws.client.id);
    const paused = (await wsAdmin.get("/api/clients/export.csv?tag=csv&status=paused")).text;
    expect(paused).toContain(multi.id);
    expect(paused).not.toContain(tricky.id);
    const staff = await loginAs(t, ws.users.staff);
    expect((await staff.get("/api/clients/export.csv")).text).toContain(ws.client.id);
    expect((await auditRows(t, { action: "client.exported", actorId: ws.users.admin.id })).length).toBe(2);
  });

  it("exports more rows than one batch, in order", async () => {
    const ws = await buildWorkspace(t.database.db);
    const values = Array.from({ length: 1203 }, (_, i) => `('${crypto.randomUUID()}', '${ws.id}', 'Bulk ${String(i).padStart(4, "0")}')`).join(",");
    await t.database.pool.query(`INSERT INTO clients (id, workspace_id, name) VALUES ${values}`);
    const wsAdmin = await loginAs(t, await buildUser(t.database.db, { workspaceId: ws.id, role: "admin" }));
    const lines = (await wsAdmin.get("/api/clients/export.csv")).text.trim().split("\r\n");
    expect(lines).toHaveLength(1204);
    expect(lines[1]).toContain("Bulk 0000");
    expect(lines[1203]).toContain("Bulk 1202");
  });
});
