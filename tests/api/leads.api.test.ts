import { randomBytes } from "node:crypto";
import { and, arrayContains, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, clients, contacts, deals, dealStageHistory, leads, pipelineStages, pipelines } from "../../server/db/schema";
import { type LeadDto, LeadListResponse, LeadResponse } from "../../shared/contracts/leads";
import { buildAssignmentRule, buildClient, buildContact, buildCustomField, buildLead, buildTeam, buildUser } from "../factories";
import { RELEVANCE_WINDOW } from "../../server/lib/text-search";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, expectError, issuePaths } from "./support/helpers";

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let sales: ApiClient;
let staff: ApiClient;
let creator: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  [admin, sales, staff, creator] = await Promise.all([
    loginAs(t, team.users.admin),
    loginAs(t, team.users.sales_agent),
    loginAs(t, team.users.staff),
    loginAs(t, team.users.creator),
  ]);
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString("hex");
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((c) => c.id);

/** Walks every page of a lead list and returns the rows in order. */
async function allPages(client: ApiClient, query: string, limit: number): Promise<LeadDto[]> {
  const rows: LeadDto[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res = await client.get(`/api/leads?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status).toBe(200);
    const body = LeadListResponse.parse(res.body);
    rows.push(...body.data);
    cursor = body.meta.nextCursor;
    if (!cursor) return rows;
    expect(body.data).toHaveLength(limit);
  }
  throw new Error("paging did not end");
}

describe("POST /api/leads", () => {
  it("201 with every field, consent recorded, email lower-cased, phone in E.164, a 'created' timeline entry and an audit row", async () => {
    const res = await admin.post("/api/leads", {
      name: "Ada Lovelace",
      company: `Engines ${hex()}`,
      email: "Ada@Engines.Example",
      phone: "+44 20 7946 0958",
      country: "GB",
      status: "contacted",
      score: 70,
      ownerId: team.users.sales_agent.id,
      tags: ["hot", "hot", "uk"],
      notes: "Met at the expo",
      consent: { text: "I agree to be contacted about Engines." },
    });
    expect(res.status).toBe(201);
    const lead = LeadResponse.parse(res.body).data;
    expect(lead).toMatchObject({
      email: "ada@engines.example",
      phone: "+442079460958",
      country: "GB",
      source: "manual",
      status: "contacted",
      score: 70,
      owner: { id: team.users.sales_agent.id, name: team.users.sales_agent.name },
      tags: ["hot", "uk"],
      consent: { method: "manual", text: "I agree to be contacted about Engines." },
      conversion: null,
      abilities: { update: true, delete: true, convert: true },
    });
    const timeline = await admin.get(`/api/activities?entityType=lead&entityId=${lead.id}`);
    expect(timeline.body.data.map((a: { kind: string }) => a.kind)).toEqual(["created"]);
    expect(await auditRows(t, { action: "lead.created", entityId: lead.id })).toHaveLength(1);
  });

  it("400 with the failing fields: empty name, bad email, bad country, score out of range, converted status", async () => {
    const res = await admin.post("/api/leads", { name: " ", email: "nope", country: "gb", score: 101, status: "converted" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.country", "body.email", "body.name", "body.score", "body.status"]);
  });

  it("400 when the owner is not a team member of this workspace", async () => {
    const outsider = await buildUser(t.database.db);
    const res = await admin.post("/api/leads", { name: "Owned elsewhere", ownerId: outsider.id });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.ownerId"]);
  });

  it("201 owned by the sales agent who creates it; 400 when they hand it to someone else", async () => {
    const mine = await sales.post("/api/leads", { name: `Agent lead ${hex()}` });
    expect(mine.status).toBe(201);
    expect(mine.body.data.owner.id).toBe(team.users.sales_agent.id);
    const theirs = await sales.post("/api/leads", { name: "For a colleague", ownerId: team.users.staff.id });
    expectError(theirs, 400, "validation_failed");
    expect(issuePaths(theirs)).toEqual(["body.ownerId"]);
  });

  it("403 for a creator (no leads permission)", async () => {
    expectError(await creator.post("/api/leads", { name: "Nope" }), 403, "forbidden");
    expectError(await creator.get("/api/leads"), 403, "forbidden");
  });

  it("400 for a custom value that does not fit its lead field; 201 with a valid one", async () => {
    await buildCustomField(t.database.db, { workspaceId: team.workspace.id, entityType: "lead", key: "budget_band", label: "Budget band", type: "select", options: ["small", "large"] });
    const bad = await admin.post("/api/leads", { name: "Budget", customFields: { budget_band: "huge" } });
    expectError(bad, 400, "validation_failed");
    expect(issuePaths(bad)).toEqual(["body.customFields.budget_band"]);
    const ok = await admin.post("/api/leads", { name: "Budget", customFields: { budget_band: "large" } });
    expect(ok.status).toBe(201);
    expect(ok.body.data.customFields).toEqual({ budget_band: "large" });
    const filtered = await admin.get("/api/leads?cf=budget_band:large&limit=200");
    expect(ids(filtered)).toContain(ok.body.data.id);
  });
});

describe("assignment rules on intake", () => {
  it("first enabled match wins: a user rule, round-robin in turn, least-loaded to the emptiest member, no match unassigned", async () => {
    const t2 = await buildTeam(t.database.db);
    const a = await buildUser(t.database.db, { workspaceId: t2.workspace.id, role: "sales_agent" });
    const b = await buildUser(t.database.db, { workspaceId: t2.workspace.id, role: "sales_agent" });
    const c = await buildUser(t.database.db, { workspaceId: t2.workspace.id, role: "sales_agent" });
    const boss = await loginAs(t, t2.users.admin);
    const disabled = await boss.post("/api/assignment-rules", { name: "Disabled", enabled: false, conditions: [], assign: { type: "user", userId: c.id } });
    expect(disabled.status).toBe(201);
    const vip = await boss.post("/api/assignment-rules", { name: "VIP to C", conditions: [{ field: "tags", op: "in", value: ["vip"] }], assign: { type: "user", userId: c.id } });
    expect(vip.status).toBe(201);
    const uk = await boss.post("/api/assignment-rules", { name: "UK round robin", conditions: [{ field: "country", op: "equals", value: "GB" }], assign: { type: "round_robin", userIds: [a.id, b.id] } });
    expect(uk.status).toBe(201);
    // b already has two open leads, a has one: least-loaded picks c (none), then a/c, …
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, ownerId: b.id });
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, ownerId: b.id });
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, ownerId: a.id });
    await boss.post("/api/assignment-rules", { name: "Big budgets", conditions: [{ field: "score", op: "gte", value: 80 }], assign: { type: "least_loaded", userIds: [b.id, a.id, c.id] } });

    const make = async (body: object) => {
      const res = await boss.post("/api/leads", { name: `L ${hex()}`, ...body });
      expect(res.status).toBe(201);
      return (res.body.data as LeadDto).owner?.id ?? null;
    };
    expect(await make({ tags: ["vip"], country: "GB" })).toBe(c.id);
    expect([await make({ country: "GB" }), await make({ country: "GB" }), await make({ country: "GB" })]).toEqual([a.id, b.id, a.id]);
    expect(await make({ score: 90 })).toBe(c.id); // c has the vip lead only (1); a has 3, b has 3
    expect(await make({ score: 95 })).toBe(c.id); // c: 2, a: 3, b: 3
    expect(await make({ country: "FR" })).toBeNull();
    // The created entry names who created it (the actor), the owner it went to and the rule.
    const lead = await t.database.db.select().from(leads).where(and(eq(leads.workspaceId, t2.workspace.id), arrayContains(leads.tags, ["vip"])));
    const [entry] = await t.database.db.select().from(activities).where(and(eq(activities.entityId, lead[0]!.id), eq(activities.kind, "created")));
    expect(entry).toMatchObject({ actorId: t2.users.admin.id, meta: { source: "manual", owner: { id: c.id, name: c.name }, assignedBy: { id: vip.body.data.id, name: "VIP to C" } } });
    // No rule matched: the entry says nobody owns it.
    const [unmatched] = await t.database.db.select().from(leads).where(and(eq(leads.workspaceId, t2.workspace.id), eq(leads.country, "FR")));
    const [none] = await t.database.db.select().from(activities).where(and(eq(activities.entityId, unmatched!.id), eq(activities.kind, "created")));
    expect(none!.meta).toEqual({ source: "manual", owner: null, ownerId: null });
  });

  it("skips a rule whose members are all deactivated, falling through to the next match", async () => {
    const t2 = await buildTeam(t.database.db);
    const gone = await buildUser(t.database.db, { workspaceId: t2.workspace.id, role: "sales_agent", status: "deactivated" });
    await buildAssignmentRule(t.database.db, t2.workspace.id, { position: 0, assign: { type: "user", userId: gone.id } });
    await buildAssignmentRule(t.database.db, t2.workspace.id, { position: 1, assign: { type: "user", userId: t2.users.staff.id } });
    const boss = await loginAs(t, t2.users.admin);
    const res = await boss.post("/api/leads", { name: "Falls through" });
    expect(res.body.data.owner.id).toBe(t2.users.staff.id);
  });

  it("400 for a rule naming a user of another workspace, and for a reorder that omits a rule", async () => {
    const outsider = await buildUser(t.database.db);
    const res = await admin.post("/api/assignment-rules", { name: "Bad", assign: { type: "round_robin", userIds: [team.users.staff.id, outsider.id] } });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.assign.userIds.1"]);
    const rule = await admin.post("/api/assignment-rules", { name: "Ok", assign: { type: "user", userId: team.users.staff.id } });
    expect(rule.status).toBe(201);
    expectError(await admin.put("/api/assignment-rules/order", { ids: [] }), 400, "validation_failed");
  });
});

describe("GET /api/leads", () => {
  it("200 pages through every lead in newest-first order with no duplicates, and sorts by name and score", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    for (let i = 0; i < 23; i++) await buildLead(t.database.db, { workspaceId: t2.workspace.id, name: `Lead ${String(i).padStart(2, "0")}`, score: i % 5 });
    const newest = await allPages(boss, "sort=createdAt&order=desc", 5);
    expect(newest).toHaveLength(23);
    expect(new Set(newest.map((l) => l.id)).size).toBe(23);
    const created = newest.map((l) => l.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const byName = await allPages(boss, "sort=name&order=asc", 4);
    expect(byName.map((l) => l.name)).toEqual([...byName.map((l) => l.name)].sort());
    const byScore = await allPages(boss, "sort=score&order=desc", 6);
    expect(byScore).toHaveLength(23);
    expect(byScore.map((l) => l.score)).toEqual([...byScore.map((l) => l.score)].sort((x, y) => y - x));
  });

  it("200 filtered by status, source, owner, unassigned and tag", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    const owner = t2.users.sales_agent.id;
    const a = await buildLead(t.database.db, { workspaceId: t2.workspace.id, status: "qualified", source: "form", ownerId: owner, tags: ["x"] });
    const b = await buildLead(t.database.db, { workspaceId: t2.workspace.id, status: "qualified", source: "import" });
    const c = await buildLead(t.database.db, { workspaceId: t2.workspace.id, status: "new", ownerId: owner });
    expect(ids(await boss.get("/api/leads?status=qualified"))).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ids(await boss.get("/api/leads?status=qualified"))).not.toContain(c.id);
    expect(ids(await boss.get("/api/leads?source=form"))).toEqual([a.id]);
    expect(ids(await boss.get(`/api/leads?ownerId=${owner}&status=new`))).toEqual([c.id]);
    expect(ids(await boss.get("/api/leads?unassigned=true"))).toEqual([b.id]);
    expect(ids(await boss.get("/api/leads?tag=x"))).toEqual([a.id]);
  });

  it("200 finds leads by a name fragment, by email, by company, and despite a typo", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    const target = await buildLead(t.database.db, { workspaceId: t2.workspace.id, name: "Marguerite Fontaine", company: "Bakery Lumière", email: "marguerite@lumiere.example" });
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, name: "Someone Else", company: "Other Co" });
    for (const q of ["guerit", "marguerite@lumiere.example", "lumière", "Margurite Fontain"]) {
      expect(ids(await boss.get(`/api/leads?q=${encodeURIComponent(q)}`)), q).toEqual([target.id]);
    }
    const relevance = await boss.get(`/api/leads?q=${encodeURIComponent("Marguerite")}&sort=relevance`);
    expect(ids(relevance)[0]).toBe(target.id);
  });

  it("200 finds a lead by a fragment of its name, company or email (exact mode) and despite a one-letter typo in the surname (typo mode)", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    const ada = await buildLead(t.database.db, { workspaceId: t2.workspace.id, name: "Ada Lovelace", company: "Analytical Engines", email: "countess@difference.example" });
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, name: "Grace Hopper", company: "Cobol Works", email: "grace@navy.example" });
    for (const q of ["lovel", "LOVELACE", "lytical eng", "countess@diff", "difference.exam", "lovell", "lovelase", "Ada Lovlace"]) {
      expect(ids(await boss.get(`/api/leads?q=${encodeURIComponent(q)}`)), q).toEqual([ada.id]);
    }
    // Typo mode reaches the export too, and the same as the list.
    const csv = await boss.get(`/api/leads/export.csv?q=${encodeURIComponent("lovell")}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(ada.id);
    expect(csv.text).not.toContain("Grace Hopper");
  });

  it("200 with only the sales agent's own leads in each search mode (fragment, full text, typo), and only staff's own in the export when the workspace says so", async () => {
    const t2 = await buildTeam(t.database.db);
    const [agent, worker, boss] = await Promise.all([loginAs(t, t2.users.sales_agent), loginAs(t, t2.users.staff), loginAs(t, t2.users.admin)]);
    const values = { workspaceId: t2.workspace.id, name: "Ada Lovelace", company: "Analytical Engines" };
    const agents = await buildLead(t.database.db, { ...values, ownerId: t2.users.sales_agent.id });
    const staffs = await buildLead(t.database.db, { ...values, ownerId: t2.users.staff.id });
    const unassigned = await buildLead(t.database.db, values);
    expect((await boss.patch("/api/workspace", { staffPipelineScope: "own" })).status).toBe(200);
    for (const q of ["lovel", "ada engines", "lovell"]) {
      expect(ids(await agent.get(`/api/leads?q=${encodeURIComponent(q)}`)), q).toEqual([agents.id]);
      const csv = await worker.get(`/api/leads/export.csv?q=${encodeURIComponent(q)}`);
      expect(csv.status, q).toBe(200);
      expect(csv.text, q).toContain(staffs.id);
      expect(csv.text, q).not.toContain(agents.id);
      expect(csv.text, q).not.toContain(unassigned.id);
    }
    expect(ids(await boss.get("/api/leads?q=lovell")).sort()).toEqual([agents.id, staffs.id, unassigned.id].sort());
  });

  it("200 sorted by relevance: the name starting with the term, then the term as a word, then a fragment, page after page", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    // Created best match first, so newest-first would be the reverse order.
    const start = await buildLead(t.database.db, { workspaceId: t2.workspace.id, name: "Lovelace Ada" });
    const word = await buildLead(t.database.db, { workspaceId: t2.workspace.id, name: "Ada Lovelace" });
    const fragment = await buildLead(t.database.db, { workspaceId: t2.workspace.id, name: "Bob Xlovelacey" });
    const rows = await allPages(boss, "q=lovelace&sort=relevance", 1);
    expect(rows.map((l) => l.id)).toEqual([start.id, word.id, fragment.id]);
  });

  it(`200 best match ranks the newest ${RELEVANCE_WINDOW} matches, then the older ones newest first: every match once, across pages and the export; 400 invalid_cursor for a tampered one`, async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    const w = t2.workspace.id;
    const base = Date.now() - 10_000_000;
    const at = (s: number) => new Date(base + s * 1000);
    // Fragment-only matches (no points), one a second; a perfect match inside the window and one older than it.
    const weak = await t.database.db
      .insert(leads)
      .values(Array.from({ length: RELEVANCE_WINDOW + 30 }, (_, i) => ({ workspaceId: w, name: `Bob Xpemberton${i}`, createdAt: at(i + 1) })))
      .returning({ id: leads.id, createdAt: leads.createdAt });
    const [recentBest] = await t.database.db.insert(leads).values({ workspaceId: w, name: "Pemberton New", createdAt: at(RELEVANCE_WINDOW + 25.5) }).returning({ id: leads.id });
    const [oldBest] = await t.database.db.insert(leads).values({ workspaceId: w, name: "Pemberton Old", createdAt: at(0) }).returning({ id: leads.id });
    const newestFirst = [...weak, { ...recentBest!, createdAt: at(RELEVANCE_WINDOW + 25.5) }, { ...oldBest!, createdAt: at(0) }]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((l) => l.id);
    for (const limit of [50, 7]) {
      const rows = (await allPages(boss, "q=pemberton&sort=relevance", limit)).map((l) => l.id);
      expect(rows[0]).toBe(recentBest!.id);
      expect(rows).toHaveLength(newestFirst.length);
      expect(new Set(rows).size).toBe(rows.length);
      expect([...rows.slice(0, RELEVANCE_WINDOW)].sort()).toEqual(newestFirst.slice(0, RELEVANCE_WINDOW).sort());
      expect(rows.slice(RELEVANCE_WINDOW)).toEqual(newestFirst.slice(RELEVANCE_WINDOW));
      expect(rows.at(-1)).toBe(oldBest!.id);
    }
    const csv = await boss.get("/api/leads/export.csv?q=pemberton&sort=relevance");
    const csvIds = csv.text.trim().split("\r\n").slice(1).map((line) => line.split(",")[0]);
    expect(csvIds).toEqual((await allPages(boss, "q=pemberton&sort=relevance", 100)).map((l) => l.id));
    const tampered = Buffer.from(JSON.stringify(["1.000000", recentBest!.id, "not a date", oldBest!.id])).toString("base64url");
    expectError(await boss.get(`/api/leads?q=pemberton&sort=relevance&cursor=${tampered}`), 400, "invalid_cursor");
  });

  it("200 pages of one search keep the mode of its first page: typo pages through its close matches, a page-filling exact search never adds them", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    const w = t2.workspace.id;
    // Fewer exact matches than a page: typo mode, whose cursors page through every close match once.
    const close = await Promise.all(["Ada Lovelace", "Byron Lovelace", "Anne Lovelac", "Lord Lovelance"].map((name) => buildLead(t.database.db, { workspaceId: w, name })));
    const typoRows = await allPages(boss, "q=lovelaze", 1);
    expect(typoRows.map((l) => l.id).sort()).toEqual(close.map((l) => l.id).sort());
    // A full page of exact matches: exact mode on every page, so the near miss never shows up.
    const exact = await t.database.db
      .insert(leads)
      .values(Array.from({ length: 55 }, (_, i) => ({ workspaceId: w, name: `Pemberton ${i}` })))
      .returning({ id: leads.id });
    const nearMiss = await buildLead(t.database.db, { workspaceId: w, name: "Pembertin" });
    const exactRows = await allPages(boss, "q=pemberton", 20);
    expect(exactRows.map((l) => l.id).sort()).toEqual(exact.map((l) => l.id).sort());
    expect(exactRows.map((l) => l.id)).not.toContain(nearMiss.id);
    const byRelevance = await allPages(boss, "q=pemberton&sort=relevance", 20);
    expect(byRelevance.map((l) => l.id).sort()).toEqual(exact.map((l) => l.id).sort());
    // With few exact matches the near miss is found (typo mode).
    expect(ids(await boss.get("/api/leads?q=pembertin")).sort()).toEqual(expect.arrayContaining([nearMiss.id]));
  });

  it("200 with only the sales agent's own leads (list, search and export), and a colleague's lead is 404", async () => {
    const mine = await buildLead(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id, name: `Mine ${hex()}` });
    const theirs = await buildLead(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.staff.id, name: `Theirs ${hex()}` });
    const list = await allPages(sales, "sort=createdAt", 50);
    expect(list.map((l) => l.id)).toContain(mine.id);
    expect(list.every((l) => l.owner?.id === team.users.sales_agent.id)).toBe(true);
    expect(ids(await sales.get(`/api/leads?q=${encodeURIComponent(theirs.name)}`))).toEqual([]);
    expectError(await sales.get(`/api/leads/${theirs.id}`), 404, "not_found");
    expectError(await sales.patch(`/api/leads/${theirs.id}`, { score: 1 }), 404, "not_found");
    expectError(await sales.get(`/api/activities?entityType=lead&entityId=${theirs.id}`), 404, "not_found");
  });

  it("200 with only their own leads for staff when the workspace says so, and all of them again when it changes back", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    const worker = await loginAs(t, t2.users.staff);
    const own = await buildLead(t.database.db, { workspaceId: t2.workspace.id, ownerId: t2.users.staff.id });
    const other = await buildLead(t.database.db, { workspaceId: t2.workspace.id, ownerId: t2.users.manager.id });
    expect(ids(await worker.get("/api/leads"))).toEqual(expect.arrayContaining([own.id, other.id]));
    expect((await boss.patch("/api/workspace", { staffPipelineScope: "own" })).status).toBe(200);
    expect(ids(await worker.get("/api/leads"))).toEqual([own.id]);
    expectError(await worker.get(`/api/leads/${other.id}`), 404, "not_found");
    const created = await worker.post("/api/leads", { name: "Staff own" });
    expect(created.body.data.owner.id).toBe(t2.users.staff.id);
    expect((await boss.patch("/api/workspace", { staffPipelineScope: "all" })).status).toBe(200);
    expect(ids(await worker.get("/api/leads"))).toEqual(expect.arrayContaining([own.id, other.id]));
  });

  it("400 for an unknown sort, a bad cursor and an unknown custom field", async () => {
    expectError(await admin.get("/api/leads?sort=nope"), 400, "validation_failed");
    expectError(await admin.get("/api/leads?cursor=garbage"), 400, "invalid_cursor");
    expectError(await admin.get("/api/leads?cf=nope:1"), 400, "validation_failed");
  });
});

describe("PATCH /api/leads/:id", () => {
  it("200 writes status and owner changes (with names) to the timeline and other fields as one 'updated' entry", async () => {
    const lead = await buildLead(t.database.db, { workspaceId: team.workspace.id });
    const res = await admin.patch(`/api/leads/${lead.id}`, { status: "qualified", ownerId: team.users.staff.id, company: "New Co", score: 40 });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: "qualified", company: "New Co", score: 40, owner: { id: team.users.staff.id } });
    const timeline = await admin.get(`/api/activities?entityType=lead&entityId=${lead.id}`);
    const entries = timeline.body.data as { kind: string; meta: Record<string, unknown> }[];
    expect(entries.map((e) => e.kind).sort()).toEqual(["owner_changed", "status_changed", "updated"]);
    expect(entries.find((e) => e.kind === "owner_changed")!.meta.to).toEqual({ id: team.users.staff.id, name: team.users.staff.name });
    expect(entries.find((e) => e.kind === "updated")!.meta.fields).toEqual(["company", "score"]);
  });

  it("400 when setting a converted lead's status", async () => {
    const lead = await buildLead(t.database.db, { workspaceId: team.workspace.id, status: "converted", convertedAt: new Date() });
    const res = await admin.patch(`/api/leads/${lead.id}`, { status: "new" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.status"]);
  });

  it("logging a note touches last_activity_at", async () => {
    const old = new Date(Date.now() - 30 * 86_400_000);
    const lead = await buildLead(t.database.db, { workspaceId: team.workspace.id, lastActivityAt: old });
    expect((await admin.post("/api/activities", { entityType: "lead", entityId: lead.id, kind: "call", body: "Called" })).status).toBe(201);
    const res = await admin.get(`/api/leads/${lead.id}`);
    expect(Date.parse(res.body.data.lastActivityAt)).toBeGreaterThan(old.getTime() + 86_400_000);
  });
});

describe("POST /api/leads/:id/convert", () => {
  async function defaultPipeline(workspaceId: string) {
    const [pipeline] = await t.database.db.insert(pipelines).values({ workspaceId, name: `Sales ${hex()}`, position: 0 }).returning();
    const [first] = await t.database.db
      .insert(pipelineStages)
      .values([
        { workspaceId, pipelineId: pipeline!.id, name: "Lead in", position: 0, probability: 10 },
        { workspaceId, pipelineId: pipeline!.id, name: "Proposal", position: 1, probability: 50 },
      ])
      .returning();
    return { pipeline: pipeline!, first: first! };
  }

  it("200 creates a client, a contact and a deal in one go, marks the lead converted, and the client's timeline shows the lead's history", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    const { pipeline, first } = await defaultPipeline(t2.workspace.id);
    const created = await boss.post("/api/leads", { name: "Grace Hopper", company: "Compilers Inc", email: "grace@compilers.example", phone: "+1 555 010 9999", ownerId: t2.users.sales_agent.id });
    const leadId = created.body.data.id as string;
    await boss.post("/api/activities", { entityType: "lead", entityId: leadId, kind: "note", body: "Wants a proposal" });
    const res = await boss.post(`/api/leads/${leadId}/convert`, { client: { mode: "new" }, contact: { mode: "new" }, deal: { title: "Compilers retainer", valueMinor: 500000 } });
    expect(res.status).toBe(200);
    const { lead, clientId, contactId, dealId } = res.body.data;
    expect(lead.status).toBe("converted");
    expect(lead.conversion).toMatchObject({ client: { id: clientId, name: "Compilers Inc" }, contactId, dealId });
    const [client] = await t.database.db.select().from(clients).where(eq(clients.id, clientId));
    expect(client).toMatchObject({ name: "Compilers Inc", status: "prospect", ownerId: t2.users.sales_agent.id });
    const [contact] = await t.database.db.select().from(contacts).where(eq(contacts.id, contactId));
    expect(contact).toMatchObject({ clientId, firstName: "Grace", lastName: "Hopper", email: "grace@compilers.example", phone: "+15550109999" });
    const [deal] = await t.database.db.select().from(deals).where(eq(deals.id, dealId));
    expect(deal).toMatchObject({ clientId, leadId, contactId, pipelineId: pipeline.id, stageId: first.id, valueMinor: 500000, currency: "USD", ownerId: t2.users.sales_agent.id });
    expect(await t.database.db.select().from(dealStageHistory).where(eq(dealStageHistory.dealId, dealId))).toHaveLength(1);
    const timeline = await boss.get(`/api/activities?entityType=client&entityId=${clientId}&limit=50`);
    const kinds = (timeline.body.data as { kind: string; entityType: string; body: string | null }[]).map((a) => `${a.entityType}:${a.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(["client:converted", "client:created", "lead:note", "lead:created", "lead:converted"]));
    expect(await auditRows(t, { action: "lead.converted", entityId: leadId })).toHaveLength(1);
    // The agent who owns the lead now sees the client it became.
    const agent = await loginAs(t, t2.users.sales_agent);
    expect((await agent.get(`/api/clients/${clientId}`)).status).toBe(200);
  });

  it("200 links an existing client and one of its contacts; 400 for a contact of another client", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const contact = await buildContact(t.database.db, { workspaceId: team.workspace.id, clientId: client.id });
    const strangerContact = await buildContact(t.database.db, { workspaceId: team.workspace.id });
    const lead = await buildLead(t.database.db, { workspaceId: team.workspace.id });
    const bad = await admin.post(`/api/leads/${lead.id}/convert`, { client: { mode: "existing", clientId: client.id }, contact: { mode: "existing", contactId: strangerContact.id } });
    expectError(bad, 400, "validation_failed");
    expect(issuePaths(bad)).toEqual(["body.contact.contactId"]);
    // Nothing was written by the failed attempt.
    expect((await admin.get(`/api/leads/${lead.id}`)).body.data.status).toBe("new");
    const ok = await admin.post(`/api/leads/${lead.id}/convert`, { client: { mode: "existing", clientId: client.id }, contact: { mode: "existing", contactId: contact.id } });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ clientId: client.id, contactId: contact.id, dealId: null });
  });

  it("409 for a lead already converted; 400 for a client the agent cannot see; rolled back when the deal's pipeline is missing", async () => {
    const lead = await buildLead(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    const hidden = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const bad = await sales.post(`/api/leads/${lead.id}/convert`, { client: { mode: "existing", clientId: hidden.id } });
    expectError(bad, 400, "validation_failed");
    expect(issuePaths(bad)).toEqual(["body.client.clientId"]);
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    const lonely = await buildLead(t.database.db, { workspaceId: t2.workspace.id, company: `Rollback ${hex()}` });
    const noPipeline = await boss.post(`/api/leads/${lonely.id}/convert`, { client: { mode: "new" }, deal: { title: "No pipeline", pipelineId: lonely.id } });
    expectError(noPipeline, 400, "validation_failed");
    expect(await t.database.db.select().from(clients).where(eq(clients.name, lonely.company!))).toHaveLength(0);
    const first = await sales.post(`/api/leads/${lead.id}/convert`, { client: { mode: "new" } });
    expect(first.status).toBe(200);
    expectError(await sales.post(`/api/leads/${lead.id}/convert`, { client: { mode: "new" } }), 409, "conflict");
  });
});

describe("bulk, delete, export and workload", () => {
  it("200 bulk-assigns and tags visible leads and skips the rest as not_found", async () => {
    const a = await buildLead(t.database.db, { workspaceId: team.workspace.id });
    const foreign = await buildLead(t.database.db);
    const res = await admin.post("/api/leads/bulk", { ids: [a.id, foreign.id], action: { type: "assign_owner", ownerId: team.users.staff.id } });
    expect(res.body).toEqual({ updated: 1, skipped: [{ id: foreign.id, reason: "not_found" }] });
    const tag = await admin.post("/api/leads/bulk", { ids: [a.id], action: { type: "add_tag", tag: "bulk" } });
    expect(tag.body.updated).toBe(1);
    expect((await admin.get(`/api/leads/${a.id}`)).body.data).toMatchObject({ owner: { id: team.users.staff.id }, tags: ["bulk"] });
  });

  it("204 deletes a lead with its timeline; 403 for staff without leads.delete", async () => {
    const lead = await buildLead(t.database.db, { workspaceId: team.workspace.id });
    expectError(await staff.delete(`/api/leads/${lead.id}`), 403, "forbidden");
    expect((await admin.delete(`/api/leads/${lead.id}`)).status).toBe(204);
    expectError(await admin.get(`/api/leads/${lead.id}`), 404, "not_found");
    expect(await t.database.db.select().from(activities).where(eq(activities.entityId, lead.id))).toHaveLength(0);
  });

  it("200 streams the CSV with the list's filters and a formula-safe cell", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, name: "=HYPERLINK(1)", status: "qualified" });
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, name: "Not exported", status: "new" });
    const res = await boss.get("/api/leads/export.csv?status=qualified");
    expect(res.status).toBe(200);
    expect(res.text).toContain("'=HYPERLINK(1)");
    expect(res.text).not.toContain("Not exported");
  });

  it("200 workload counts open and new leads per owner within the caller's reach", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, ownerId: t2.users.staff.id, status: "new" });
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, ownerId: t2.users.staff.id, status: "qualified" });
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, ownerId: t2.users.sales_agent.id, status: "contacted" });
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, status: "new" });
    const res = await boss.get("/api/leads/workload");
    expect(res.body.data).toEqual(
      expect.arrayContaining([
        { user: { id: t2.users.staff.id, name: t2.users.staff.name }, role: "staff", open: 2, new: 1 },
        { user: { id: t2.users.sales_agent.id, name: t2.users.sales_agent.name }, role: "sales_agent", open: 1, new: 0 },
        { user: null, role: null, open: 1, new: 1 },
      ]),
    );
    const agent = await loginAs(t, t2.users.sales_agent);
    expect((await agent.get("/api/leads/workload")).body.data).toEqual([{ user: { id: t2.users.sales_agent.id, name: t2.users.sales_agent.name }, role: "sales_agent", open: 1, new: 0 }]);
  });

  it("200 workload also lists the people who may own leads but have none open (0), the unassigned row last; never a creator", async () => {
    const t2 = await buildTeam(t.database.db);
    const boss = await loginAs(t, t2.users.admin);
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, ownerId: t2.users.staff.id, status: "new" });
    await buildLead(t.database.db, { workspaceId: t2.workspace.id, status: "new" });
    const data = (await boss.get("/api/leads/workload")).body.data as { user: { id: string } | null; open: number }[];
    expect(data[0]).toMatchObject({ user: { id: t2.users.staff.id }, open: 1 });
    for (const idle of [t2.users.admin, t2.users.manager, t2.users.sales_agent]) {
      expect(data).toContainEqual({ user: { id: idle.id, name: idle.name }, role: idle.role, open: 0, new: 0 });
    }
    expect(data.map((r) => r.user?.id)).not.toContain(t2.users.creator.id);
    expect(data.at(-1)).toEqual({ user: null, role: null, open: 1, new: 1 });
    const agent = await loginAs(t, t2.users.sales_agent);
    expect((await agent.get("/api/leads/workload")).body.data).toEqual([{ user: { id: t2.users.sales_agent.id, name: t2.users.sales_agent.name }, role: "sales_agent", open: 0, new: 0 }]);
  });
});
