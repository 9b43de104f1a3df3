import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, attachments, clientAssignments, clients, contacts, deals, duplicatePairs, leads, pipelineStages, pipelines, users, workspaces } from "../../server/db/schema";
import { withTransaction } from "../../server/db/transaction";
import { startScan } from "../../server/modules/duplicates/duplicate-pairs.repository";
import { duplicatesRebuildJob } from "../../server/modules/duplicates/duplicates.jobs";
import { CompareDuplicatesResponse, type DuplicatePairDto, DuplicateListResponse, DuplicateScanResponse, MergeDuplicatesResponse } from "../../shared/contracts/duplicates";
import { assignClient, buildActivity, buildClient, buildContact, buildCustomField, buildLead, buildTeam, buildUser } from "../factories";
import { buildAttachment } from "../factories/attachments";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, expectError, issuePaths } from "./support/helpers";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString("hex");
type Team = Awaited<ReturnType<typeof buildTeam>>;

/** A fresh workspace with signed-in admin and sales agent (pairs never leak between tests). */
async function setup(): Promise<{ team: Team; admin: ApiClient; sales: ApiClient }> {
  const team = await buildTeam(t.database.db);
  const [admin, sales] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.sales_agent)]);
  return { team, admin, sales };
}

/**
 * Pairs are precomputed: records written by the factories (straight to the database, no events)
 * are scored by a rebuild of every workspace, run to the end here like the job runner would.
 */
async function rebuildAllPairs(): Promise<void> {
  const workspaceIds = (await t.database.db.select({ id: workspaces.id }).from(workspaces)).map((w) => w.id);
  for (const ws of workspaceIds) {
    await withTransaction(t.database.pool, async (tx) => {
      const scan = await startScan(tx.db, ws, null);
      await t.ctx.jobs.enqueue(duplicatesRebuildJob, { workspaceId: ws, scanId: scan.scanId }, { tx });
    });
  }
  await t.drainJobs();
}

/** Every pair of a type the client sees, walking all pages (after rebuilding the pairs of factory-made records). */
async function allPairs(client: ApiClient, entityType: string, limit = 50, opts: { rebuild?: boolean; reason?: string } = {}): Promise<DuplicatePairDto[]> {
  if (opts.rebuild !== false) await rebuildAllPairs();
  const out: DuplicatePairDto[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const res = await client.get(`/api/duplicates?entityType=${entityType}&limit=${limit}${opts.reason ? `&reason=${opts.reason}` : ""}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status).toBe(200);
    const body = DuplicateListResponse.parse(res.body);
    out.push(...body.data);
    cursor = body.meta.nextCursor;
    if (!cursor) break;
  }
  return out;
}

const pairOf = (pairs: DuplicatePairDto[], x: string, y: string) => pairs.find((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join());

async function dealOn(workspaceId: string, link: { clientId?: string; leadId?: string; contactId?: string }) {
  const db = t.database.db;
  const [pipeline] = await db.insert(pipelines).values({ workspaceId, name: `P ${hex()}`, position: 0 }).returning();
  const [stage] = await db.insert(pipelineStages).values({ workspaceId, pipelineId: pipeline!.id, name: "In", position: 0, probability: 10 }).returning();
  const [deal] = await db.insert(deals).values({ workspaceId, pipelineId: pipeline!.id, stageId: stage!.id, title: `Deal ${hex()}`, currency: "USD", ...link }).returning();
  return deal!;
}

describe("GET /api/duplicates", () => {
  it("200 proposes client pairs by similar name, phone and website domain, with reasons and a score", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const acme = await buildClient(t.database.db, { workspaceId: ws, name: "Acme Coffee Roasters" });
    const acme2 = await buildClient(t.database.db, { workspaceId: ws, name: "ACME Coffee Roaster" });
    const p1 = await buildClient(t.database.db, { workspaceId: ws, name: "Northwind Traders", phone: "+441632960001" });
    const p2 = await buildClient(t.database.db, { workspaceId: ws, name: "Blue Harbour Ltd", phone: "+441632960001" });
    const d1 = await buildClient(t.database.db, { workspaceId: ws, name: "Zeta Labs", website: "https://www.zetalabs.example/about" });
    const d2 = await buildClient(t.database.db, { workspaceId: ws, name: "Quantum Works", website: "zetalabs.example" });
    const other = await buildClient(t.database.db, { workspaceId: ws, name: "Completely Different Bakery" });
    const pairs = await allPairs(admin, "client");
    const named = pairOf(pairs, acme.id, acme2.id);
    expect(named?.reasons).toEqual(["name"]);
    expect(named!.similarity).toBeGreaterThan(0.6);
    expect(named!.a.id < named!.b.id).toBe(true);
    expect(pairOf(pairs, p1.id, p2.id)?.reasons).toEqual(["phone"]);
    expect(pairOf(pairs, p1.id, p2.id)?.score).toBe(0.9);
    expect(pairOf(pairs, d1.id, d2.id)?.reasons).toEqual(["domain"]);
    expect(pairs.some((p) => p.a.id === other.id || p.b.id === other.id)).toBe(false);
  });

  it("200 proposes lead pairs by email (case-insensitive) and company domain, but not a shared free-mail domain", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const e1 = await buildLead(t.database.db, { workspaceId: ws, name: "Ada One", email: "ada@analytical.example" });
    const e2 = await buildLead(t.database.db, { workspaceId: ws, name: "Zed Two", email: "ADA@analytical.example" });
    const g1 = await buildLead(t.database.db, { workspaceId: ws, name: "Person Alpha", email: "alpha@gmail.com" });
    const g2 = await buildLead(t.database.db, { workspaceId: ws, name: "Someone Beta", email: "beta@gmail.com" });
    const pairs = await allPairs(admin, "lead");
    expect(pairOf(pairs, e1.id, e2.id)?.reasons).toEqual(["domain", "email"]);
    expect(pairOf(pairs, e1.id, e2.id)?.score).toBe(1);
    expect(pairOf(pairs, g1.id, g2.id)).toBeUndefined();
  });

  it("200 proposes contact pairs by email and by similar full name", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const c = await buildClient(t.database.db, { workspaceId: ws });
    const a = await buildContact(t.database.db, { workspaceId: ws, clientId: c.id, firstName: "Margaret", lastName: "Hamilton", email: "mh@apollo.example" });
    const b = await buildContact(t.database.db, { workspaceId: ws, clientId: c.id, firstName: "Margret", lastName: "Hamilton", email: "MH@apollo.example" });
    const pairs = await allPairs(admin, "contact");
    expect(pairOf(pairs, a.id, b.id)?.reasons).toEqual(["email", "name"]);
  });

  it("200 pages deterministically with a keyset cursor (a.id < b.id, no pair twice)", async () => {
    const { team, admin } = await setup();
    for (let i = 0; i < 4; i++) await buildClient(t.database.db, { workspaceId: team.workspace.id, name: "Globex Corporation", phone: `+1555000${i}` });
    const one = await allPairs(admin, "client", 2);
    const all = await allPairs(admin, "client", 100);
    expect(one.length).toBe(6);
    expect(one.map((p) => `${p.a.id}:${p.b.id}`)).toEqual(all.map((p) => `${p.a.id}:${p.b.id}`));
    const keys = one.map((p) => `${p.a.id}:${p.b.id}`);
    expect([...keys].sort()).toEqual(keys);
  });

  it("200 a sales agent never sees a pair where either side is invisible to them", async () => {
    const { team, admin, sales } = await setup();
    const ws = team.workspace.id;
    const mine = await buildClient(t.database.db, { workspaceId: ws, name: "Initech Software", ownerId: team.users.sales_agent.id });
    const assigned = await buildClient(t.database.db, { workspaceId: ws, name: "Initech Softwares" });
    await assignClient(t.database.db, assigned, team.users.sales_agent.id);
    const hidden = await buildClient(t.database.db, { workspaceId: ws, name: "Initech Softwar" });
    const agentPairs = await allPairs(sales, "client");
    expect(pairOf(agentPairs, mine.id, assigned.id)).toBeDefined();
    expect(agentPairs.some((p) => p.a.id === hidden.id || p.b.id === hidden.id)).toBe(false);
    expect(pairOf(await allPairs(admin, "client"), mine.id, hidden.id)).toBeDefined();
    const theirLead = await buildLead(t.database.db, { workspaceId: ws, name: "Shared Name Lead", ownerId: team.users.admin.id });
    const myLead = await buildLead(t.database.db, { workspaceId: ws, name: "Shared Name Lead", ownerId: team.users.sales_agent.id });
    expect(pairOf(await allPairs(sales, "lead"), theirLead.id, myLead.id)).toBeUndefined();
    expect(pairOf(await allPairs(admin, "lead"), theirLead.id, myLead.id)).toBeDefined();
  });

  it("400 for an unknown entity type and a tampered cursor; 403 for a creator listing leads", async () => {
    const { team, admin } = await setup();
    const bad = await admin.get("/api/duplicates?entityType=deal");
    expectError(bad, 400, "validation_failed");
    expect(issuePaths(bad)).toEqual(["query.entityType"]);
    const cursor = Buffer.from(JSON.stringify(["x", "y"])).toString("base64url");
    expectError(await admin.get(`/api/duplicates?entityType=client&cursor=${cursor}`), 400, "validation_failed");
    const creator = await loginAs(t, team.users.creator);
    expectError(await creator.get("/api/duplicates?entityType=lead"), 403, "forbidden");
  });
});

describe("POST /api/duplicates/dismiss", () => {
  it("204 hides the pair from the list for everyone in the workspace, and audits it", async () => {
    const { team, admin, sales } = await setup();
    const ws = team.workspace.id;
    const a = await buildClient(t.database.db, { workspaceId: ws, name: "Hooli Cloud Services", ownerId: team.users.sales_agent.id });
    const b = await buildClient(t.database.db, { workspaceId: ws, name: "Hooli Cloud Service", ownerId: team.users.sales_agent.id });
    expect(pairOf(await allPairs(admin, "client"), a.id, b.id)).toBeDefined();
    const res = await sales.post("/api/duplicates/dismiss", { entityType: "client", ids: [b.id, a.id] });
    expect(res.status).toBe(204);
    expect(pairOf(await allPairs(admin, "client"), a.id, b.id)).toBeUndefined();
    expect(await auditRows(t, { action: "client.duplicate_dismissed", entityId: b.id })).toHaveLength(1);
    expect((await sales.post("/api/duplicates/dismiss", { entityType: "client", ids: [a.id, b.id] })).status).toBe(204);
  });

  it("404 when either record is invisible to the caller; 400 for the same id twice", async () => {
    const { team, sales } = await setup();
    const ws = team.workspace.id;
    const a = await buildClient(t.database.db, { workspaceId: ws, ownerId: team.users.sales_agent.id });
    const b = await buildClient(t.database.db, { workspaceId: ws });
    expectError(await sales.post("/api/duplicates/dismiss", { entityType: "client", ids: [a.id, b.id] }), 404, "not_found");
    const same = await sales.post("/api/duplicates/dismiss", { entityType: "client", ids: [a.id, a.id] });
    expectError(same, 400, "validation_failed");
    expect(issuePaths(same)).toEqual(["body.ids"]);
  });
});

describe("GET /api/duplicates/compare", () => {
  it("200 shows both records' fields, custom fields and the counts of what would move", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    await buildCustomField(t.database.db, { workspaceId: ws, key: "tier", label: "Tier" });
    const a = await buildClient(t.database.db, { workspaceId: ws, name: "Umbrella Corp", phone: "+15550001", customFields: { tier: "gold" } });
    const b = await buildClient(t.database.db, { workspaceId: ws, name: "Umbrella Corporation" });
    await buildContact(t.database.db, { workspaceId: ws, clientId: b.id });
    await buildActivity(t.database.db, { workspaceId: ws, entityType: "client", entityId: b.id });
    await dealOn(ws, { clientId: b.id });
    await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: ws, entityType: "client", entityId: b.id });
    const res = await admin.get(`/api/duplicates/compare?entityType=client&ids=${a.id},${b.id}`);
    expect(res.status).toBe(200);
    const { data } = CompareDuplicatesResponse.parse(res.body);
    expect(data.records.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(data.records[1]!.related).toEqual({ activities: 1, deals: 1, contacts: 1, convertedLeads: 0, portalUsers: 0, attachments: 1 });
    expect(data.fields.find((f) => f.key === "phone")?.values).toEqual(["+15550001", null]);
    expect(data.fields.find((f) => f.key === "customFields.tier")).toEqual({ key: "customFields.tier", label: "Tier", values: ["gold", null] });
    expect(data.abilities.merge).toBe(true);
  });

  it("404 for a record of another workspace; 400 without two ids", async () => {
    const { team, admin } = await setup();
    const a = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const foreign = await buildClient(t.database.db);
    expectError(await admin.get(`/api/duplicates/compare?entityType=client&ids=${a.id},${foreign.id}`), 404, "not_found");
    const one = await admin.get(`/api/duplicates/compare?entityType=client&ids=${a.id}`);
    expectError(one, 400, "validation_failed");
    expect(issuePaths(one)).toEqual(["query.ids"]);
  });
});

describe("POST /api/duplicates/merge", () => {
  it("200 merges clients: picked fields kept, contacts/deals/activities/converted leads/portal users/assignments moved, merged client deleted, timeline and audit written", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const db = t.database.db;
    await buildCustomField(db, { workspaceId: ws, key: "tier", label: "Tier" });
    const survivor = await buildClient(db, { workspaceId: ws, name: "Acme Coffee Roasters", industry: "Coffee", tags: ["a"], customFields: { tier: "silver" } });
    const merged = await buildClient(db, { workspaceId: ws, name: "ACME Coffee Roaster", industry: "Food", website: "https://acme.example", tags: ["b", "a"], customFields: { tier: "gold" } });
    const contact = await buildContact(db, { workspaceId: ws, clientId: merged.id });
    const deal = await dealOn(ws, { clientId: merged.id });
    const note = await buildActivity(db, { workspaceId: ws, entityType: "client", entityId: merged.id });
    const lead = await buildLead(db, { workspaceId: ws, status: "converted", convertedClientId: merged.id });
    const portalUser = await buildUser(db, { workspaceId: ws, role: "client", clientId: merged.id });
    await assignClient(db, merged, team.users.staff.id);
    const file = await buildAttachment(db, t.ctx.storage, { workspaceId: ws, entityType: "client", entityId: merged.id });
    const res = await admin.post("/api/duplicates/merge", {
      entityType: "client",
      survivorId: survivor.id,
      mergedId: merged.id,
      fields: { website: "merged", industry: "survivor", "customFields.tier": "merged" },
    });
    expect(res.status).toBe(200);
    expect(MergeDuplicatesResponse.parse(res.body).data.moved).toEqual({ activities: 1, deals: 1, contacts: 1, convertedLeads: 1, portalUsers: 1, attachments: 1 });
    const [after] = await db.select().from(clients).where(eq(clients.id, survivor.id));
    expect(after).toMatchObject({ name: "Acme Coffee Roasters", industry: "Coffee", website: "https://acme.example", customFields: { tier: "gold" } });
    expect([...after!.tags].sort()).toEqual(["a", "b"]);
    expect(await db.select().from(clients).where(eq(clients.id, merged.id))).toHaveLength(0);
    expect((await db.select().from(contacts).where(eq(contacts.id, contact.id)))[0]!.clientId).toBe(survivor.id);
    expect((await db.select().from(deals).where(eq(deals.id, deal.id)))[0]!.clientId).toBe(survivor.id);
    expect((await db.select().from(activities).where(eq(activities.id, note.id)))[0]!.entityId).toBe(survivor.id);
    expect((await db.select().from(leads).where(eq(leads.id, lead.id)))[0]!.convertedClientId).toBe(survivor.id);
    expect((await db.select().from(users).where(eq(users.id, portalUser.id)))[0]!.clientId).toBe(survivor.id);
    expect((await db.select().from(attachments).where(eq(attachments.id, file.id)))[0]!.entityId).toBe(survivor.id);
    expect((await db.select().from(clientAssignments).where(eq(clientAssignments.clientId, survivor.id))).map((r) => r.userId)).toEqual([team.users.staff.id]);
    const timeline = await db.select().from(activities).where(eq(activities.entityId, survivor.id));
    expect(timeline.find((a) => a.kind === "merged")?.meta).toEqual({ mergedName: "ACME Coffee Roaster", mergedId: merged.id });
    const [audit] = await auditRows(t, { action: "client.merged", entityId: survivor.id });
    expect(audit!.changes).toMatchObject({ survivor: { name: "Acme Coffee Roasters", industry: "Coffee" }, merged: { name: "ACME Coffee Roaster", industry: "Food" }, fields: { website: "merged" } });
  });

  it("200 merges contacts: deals, converted leads, timeline and the only portal login move to the survivor", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const db = t.database.db;
    const c = await buildClient(db, { workspaceId: ws });
    const login = await buildUser(db, { workspaceId: ws, role: "client", clientId: c.id });
    const survivor = await buildContact(db, { workspaceId: ws, clientId: c.id, firstName: "Grace", lastName: "Hopper", email: null });
    const merged = await buildContact(db, { workspaceId: ws, clientId: c.id, firstName: "Grace", lastName: "Hoper", email: "grace@navy.example", userId: login.id });
    const deal = await dealOn(ws, { clientId: c.id, contactId: merged.id });
    const lead = await buildLead(db, { workspaceId: ws, convertedContactId: merged.id });
    const res = await admin.post("/api/duplicates/merge", { entityType: "contact", survivorId: survivor.id, mergedId: merged.id, fields: { email: "merged" } });
    expect(res.status).toBe(200);
    expect(res.body.data.moved).toEqual({ activities: 0, deals: 1, contacts: 0, convertedLeads: 1, portalUsers: 1, attachments: 0 });
    const [after] = await db.select().from(contacts).where(eq(contacts.id, survivor.id));
    expect(after).toMatchObject({ lastName: "Hopper", email: "grace@navy.example", userId: login.id });
    expect((await db.select().from(deals).where(eq(deals.id, deal.id)))[0]!.contactId).toBe(survivor.id);
    expect((await db.select().from(leads).where(eq(leads.id, lead.id)))[0]!.convertedContactId).toBe(survivor.id);
    expect(await db.select().from(contacts).where(eq(contacts.id, merged.id))).toHaveLength(0);
  });

  it("409 both_have_portal_login leaves both contacts and their links intact (the transaction rolls back)", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const db = t.database.db;
    const c = await buildClient(db, { workspaceId: ws });
    const [u1, u2] = await Promise.all([buildUser(db, { workspaceId: ws, role: "client", clientId: c.id }), buildUser(db, { workspaceId: ws, role: "client", clientId: c.id })]);
    const a = await buildContact(db, { workspaceId: ws, clientId: c.id, userId: u1.id });
    const b = await buildContact(db, { workspaceId: ws, clientId: c.id, userId: u2.id });
    const deal = await dealOn(ws, { clientId: c.id, contactId: b.id });
    const res = await admin.post("/api/duplicates/merge", { entityType: "contact", survivorId: a.id, mergedId: b.id, fields: {} });
    expectError(res, 409, "conflict");
    expect(res.body.error.details.reason).toBe("both_have_portal_login");
    expect(await db.select().from(contacts).where(inArray(contacts.id, [a.id, b.id]))).toHaveLength(2);
    expect((await db.select().from(deals).where(eq(deals.id, deal.id)))[0]!.contactId).toBe(b.id);
    expect(await auditRows(t, { action: "contact.merged", entityId: a.id })).toHaveLength(0);
  });

  it("200 merges leads: deals, files and timeline moved, tags unioned, the earliest consent kept, picked owner applied; the merged lead's 'created' entry names it", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const db = t.database.db;
    const consent = { givenAt: "2026-01-02T00:00:00.000Z", method: "form" as const, text: "Yes" };
    const survivor = await buildLead(db, { workspaceId: ws, name: "Linus T", tags: ["x"], ownerId: team.users.admin.id });
    const merged = await buildLead(db, { workspaceId: ws, name: "Linus Torvalds", tags: ["y"], ownerId: team.users.sales_agent.id, consent });
    const deal = await dealOn(ws, { leadId: merged.id });
    await buildActivity(db, { workspaceId: ws, entityType: "lead", entityId: merged.id });
    const created = await buildActivity(db, { workspaceId: ws, entityType: "lead", entityId: merged.id }, { kind: "created", body: null, meta: { source: "form" } });
    const survivorCreated = await buildActivity(db, { workspaceId: ws, entityType: "lead", entityId: survivor.id }, { kind: "created", body: null, meta: { source: "manual" } });
    await buildAttachment(db, t.ctx.storage, { workspaceId: ws, entityType: "lead", entityId: merged.id });
    const res = await admin.post("/api/duplicates/merge", { entityType: "lead", survivorId: survivor.id, mergedId: merged.id, fields: { name: "merged", ownerId: "merged" } });
    expect(res.status).toBe(200);
    expect(res.body.data.moved).toMatchObject({ activities: 2, deals: 1, attachments: 1 });
    expect((await db.select().from(attachments).where(eq(attachments.entityId, survivor.id))).length).toBe(1);
    const entries = new Map((await db.select().from(activities).where(inArray(activities.id, [created.id, survivorCreated.id]))).map((a) => [a.id, a]));
    expect(entries.get(created.id)).toMatchObject({ entityId: survivor.id, meta: { source: "form", mergedFrom: { id: merged.id, name: "Linus Torvalds" } } });
    expect(entries.get(survivorCreated.id)!.meta).toEqual({ source: "manual" });
    const [after] = await db.select().from(leads).where(eq(leads.id, survivor.id));
    expect(after).toMatchObject({ name: "Linus Torvalds", ownerId: team.users.sales_agent.id, consent });
    expect([...after!.tags].sort()).toEqual(["x", "y"]);
    expect((await db.select().from(deals).where(eq(deals.id, deal.id)))[0]!.leadId).toBe(survivor.id);
    // The search text follows the merged fields; the audit row keeps the fields, not the search columns.
    expect(after!.searchText).toMatch(/^linus torvalds /);
    const [audit] = await auditRows(t, { action: "lead.merged", entityId: survivor.id });
    const changes = audit!.changes as { survivor: Record<string, unknown>; merged: Record<string, unknown> };
    expect(changes.merged).toMatchObject({ name: "Linus Torvalds" });
    for (const side of [changes.survivor, changes.merged]) expect(Object.keys(side).filter((k) => k.startsWith("search"))).toEqual([]);
  });

  it("404 when merging a record the sales agent cannot see, and nothing changes", async () => {
    const { team, sales } = await setup();
    const ws = team.workspace.id;
    const mine = await buildLead(t.database.db, { workspaceId: ws, ownerId: team.users.sales_agent.id });
    const theirs = await buildLead(t.database.db, { workspaceId: ws, ownerId: team.users.admin.id });
    expectError(await sales.post("/api/duplicates/merge", { entityType: "lead", survivorId: mine.id, mergedId: theirs.id }), 404, "not_found");
    expect(await t.database.db.select().from(leads).where(inArray(leads.id, [mine.id, theirs.id]))).toHaveLength(2);
  });

  it("403 for a sales agent merging clients (merging deletes a client: clients.delete)", async () => {
    const { team, sales } = await setup();
    const a = await buildClient(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    const b = await buildClient(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    expectError(await sales.post("/api/duplicates/merge", { entityType: "client", survivorId: a.id, mergedId: b.id }), 403, "forbidden");
  });

  it("409 for a record merged into itself or across entity types; 400 with field paths for unknown picks", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const a = await buildClient(t.database.db, { workspaceId: ws });
    const b = await buildClient(t.database.db, { workspaceId: ws });
    const lead = await buildLead(t.database.db, { workspaceId: ws });
    const self = await admin.post("/api/duplicates/merge", { entityType: "client", survivorId: a.id, mergedId: a.id });
    expectError(self, 409, "conflict");
    expect(self.body.error.details.reason).toBe("merge_into_itself");
    const cross = await admin.post("/api/duplicates/merge", { entityType: "client", survivorId: a.id, mergedId: lead.id });
    expectError(cross, 409, "conflict");
    expect(cross.body.error.details.reason).toBe("entity_type_mismatch");
    const unknown = await admin.post("/api/duplicates/merge", { entityType: "client", survivorId: a.id, mergedId: b.id, fields: { colour: "merged", "customFields.nope": "merged", name: "merged" } });
    expectError(unknown, 400, "validation_failed");
    expect(issuePaths(unknown)).toEqual(["body.fields.colour", "body.fields.customFields.nope"]);
    expect(await t.database.db.select().from(clients).where(inArray(clients.id, [a.id, b.id]))).toHaveLength(2);
  });
});

describe("precomputed pairs (duplicates.rescore / duplicates.rebuild jobs)", () => {
  const storedPairsOf = (id: string) =>
    t.database.db
      .select()
      .from(duplicatePairs)
      .where(sql`${duplicatePairs.lowId} = ${id} or ${duplicatePairs.highId} = ${id}`);

  it("200 a lead created with a known email is proposed once its rescore job has run (the job commits with the lead)", async () => {
    const { team, admin } = await setup();
    const email = `known-${hex()}@harbour.example`;
    const known = await buildLead(t.database.db, { workspaceId: team.workspace.id, name: "Harbour Known", email });
    await t.drainJobs();
    const created = await admin.post("/api/leads", { name: "Someone Else Entirely", email: email.toUpperCase() });
    expect(created.status).toBe(201);
    const id = (created.body as { data: { id: string } }).data.id;
    expect(pairOf(await allPairs(admin, "lead", 50, { rebuild: false }), known.id, id)).toBeUndefined();
    await t.drainJobs();
    const pair = pairOf(await allPairs(admin, "lead", 50, { rebuild: false }), known.id, id);
    expect(pair?.reasons).toEqual(["domain", "email"]);
    expect(pair?.score).toBe(1);
  });

  it("200 editing a lead's name removes the stale name pair after its rescore job; an unrelated edit enqueues none", async () => {
    const { admin } = await setup();
    const a = await admin.post("/api/leads", { name: "Quentin Blackwood" });
    const b = await admin.post("/api/leads", { name: "Quentin Blackwoods" });
    const [aId, bId] = [a.body.data.id, b.body.data.id] as [string, string];
    await t.drainJobs();
    expect(pairOf(await allPairs(admin, "lead", 50, { rebuild: false }), aId, bId)?.reasons).toEqual(["name"]);
    expect((await admin.patch(`/api/leads/${bId}`, { score: 40 })).status).toBe(200);
    expect((await t.drainJobs()).processed).toBe(0);
    expect((await admin.patch(`/api/leads/${bId}`, { name: "Ottoline Featherstone" })).status).toBe(200);
    await t.drainJobs();
    expect(pairOf(await allPairs(admin, "lead", 50, { rebuild: false }), aId, bId)).toBeUndefined();
    expect(await storedPairsOf(bId)).toEqual([]);
  });

  it("200 a sales agent never sees a stored pair whose other side is not theirs; the admin does, filtered by reason", async () => {
    const { team, admin, sales } = await setup();
    const phone = "+441632960777";
    const theirs = await admin.post("/api/leads", { name: "Admin Owned Lead", phone, ownerId: team.users.admin.id });
    const mine = await sales.post("/api/leads", { name: "Agent Owned Lead", phone });
    const mine2 = await sales.post("/api/leads", { name: "Another Agent Lead", phone });
    expect([theirs.status, mine.status, mine2.status]).toEqual([201, 201, 201]);
    await t.drainJobs();
    const agentPairs = await allPairs(sales, "lead", 50, { rebuild: false });
    expect(agentPairs.some((p) => [p.a.id, p.b.id].includes(theirs.body.data.id))).toBe(false);
    expect(pairOf(agentPairs, mine.body.data.id, mine2.body.data.id)?.reasons).toEqual(["phone"]);
    const adminPhone = await allPairs(admin, "lead", 50, { rebuild: false, reason: "phone" });
    expect(pairOf(adminPhone, theirs.body.data.id, mine.body.data.id)).toBeDefined();
    expect(await allPairs(admin, "lead", 50, { rebuild: false, reason: "email" })).toEqual([]);
  });

  it("200 lists the best score first, then by ids, across pages", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const e1 = await buildLead(t.database.db, { workspaceId: ws, name: "Orchid One", email: "same@orchid-labs.example" });
    const e2 = await buildLead(t.database.db, { workspaceId: ws, name: "Tulip Two", email: "same@orchid-labs.example" });
    const d1 = await buildLead(t.database.db, { workspaceId: ws, name: "Cedar Three", email: "x@cedar-works.example" });
    const d2 = await buildLead(t.database.db, { workspaceId: ws, name: "Maple Four", email: "y@cedar-works.example" });
    const pairs = await allPairs(admin, "lead", 1);
    const scores = pairs.map((p) => p.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(pairs[0]!.score).toBeGreaterThan(pairs[pairs.length - 1]!.score);
    expect(pairOf(pairs, e1.id, e2.id)?.reasons).toEqual(["domain", "email"]);
    expect(pairOf(pairs, d1.id, d2.id)?.reasons).toEqual(["domain"]);
  });

  it("202 rescan rebuilds the workspace's pairs (stale ones swept, missing ones found) and reports progress; 403 for a manager", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const a = await buildClient(t.database.db, { workspaceId: ws, name: "Rescan Roasters Ltd" });
    const b = await buildClient(t.database.db, { workspaceId: ws, name: "Rescan Roaster Ltd" });
    const x = await buildClient(t.database.db, { workspaceId: ws, name: "Nothing Alike Bakery" });
    const y = await buildClient(t.database.db, { workspaceId: ws, name: "Zebra Crossing Partners" });
    const [low, high] = [x.id, y.id].sort() as [string, string];
    await t.database.db.insert(duplicatePairs).values({ workspaceId: ws, entityType: "client", lowId: low, highId: high, reasons: ["phone"], score: 0.9 });
    await t.drainJobs();
    const before = await allPairs(admin, "client", 50, { rebuild: false });
    expect(pairOf(before, x.id, y.id)).toBeDefined();
    expect(pairOf(before, a.id, b.id)).toBeUndefined();

    const manager = await loginAs(t, team.users.manager);
    expectError(await manager.post("/api/duplicates/rescan", {}), 403, "forbidden");
    expect((await admin.get("/api/duplicates/rescan")).body).toEqual({ data: null });
    const started = await admin.post("/api/duplicates/rescan", {});
    expect(started.status).toBe(202);
    const queued = DuplicateScanResponse.parse(started.body).data!;
    // The team's own fixtures (a portal client) count too.
    expect(queued).toMatchObject({ status: "queued", processed: 0 });
    expect(queued.total).toBeGreaterThanOrEqual(4);
    await t.drainJobs();
    const done = DuplicateScanResponse.parse((await admin.get("/api/duplicates/rescan")).body).data;
    expect(done).toMatchObject({ status: "done", processed: queued.total, total: queued.total });
    expect(done!.finishedAt).not.toBeNull();
    const after = await allPairs(admin, "client", 50, { rebuild: false });
    expect(pairOf(after, x.id, y.id)).toBeUndefined();
    expect(pairOf(after, a.id, b.id)?.reasons).toEqual(["name"]);
    expect(await auditRows(t, { entityId: ws, action: "duplicates.rescan_started" })).toHaveLength(1);
  });

  it("200 a merge drops the merged lead's pairs at once and re-scores the survivor (its pairs with the merged lead's partners)", async () => {
    const { team, admin } = await setup();
    const ws = team.workspace.id;
    const keep = await buildLead(t.database.db, { workspaceId: ws, name: "Keeper Alpha", email: "keep@alpha-co.example" });
    const gone = await buildLead(t.database.db, { workspaceId: ws, name: "Goner Beta", email: "keep@alpha-co.example", phone: "+441632960555" });
    const third = await buildLead(t.database.db, { workspaceId: ws, name: "Third Gamma", phone: "+441632960555" });
    await allPairs(admin, "lead");
    expect(pairOf(await allPairs(admin, "lead", 50, { rebuild: false }), gone.id, third.id)).toBeDefined();
    const res = await admin.post("/api/duplicates/merge", { entityType: "lead", survivorId: keep.id, mergedId: gone.id, fields: { phone: "merged" } });
    expect(res.status).toBe(200);
    expect(await storedPairsOf(gone.id)).toEqual([]);
    expect(pairOf(await allPairs(admin, "lead", 50, { rebuild: false }), keep.id, third.id)).toBeUndefined();
    await t.drainJobs();
    expect(pairOf(await allPairs(admin, "lead", 50, { rebuild: false }), keep.id, third.id)?.reasons).toEqual(["phone"]);
  });
});
