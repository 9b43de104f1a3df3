import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deals, leads, pipelineStages, pipelines } from "../../server/db/schema";
import { GlobalSearchResponse, type SearchResultType } from "../../shared/contracts/search";
import { assignClient, buildClient, buildContact, buildTeam, buildUser } from "../factories";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { expectError, issuePaths } from "./support/helpers";

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let other: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let staff: ApiClient;
let sales: ApiClient;
let creator: ApiClient;
let portal: ApiClient;
// One unique word per run, so results from other tests never interfere.
const word = `zephyr${randomBytes(3).toString("hex")}`;
const rec: Record<string, string> = {};

/** A lead or deal straight in the table (their APIs are built elsewhere). */
async function insertLead(workspaceId: string, values: Partial<typeof leads.$inferInsert>) {
  const [row] = await t.database.db
    .insert(leads)
    .values({ workspaceId, name: "Lead", ...values })
    .returning();
  return row!;
}

async function insertDeal(workspaceId: string, values: Partial<typeof deals.$inferInsert>) {
  const db = t.database.db;
  // Pipeline names are unique per workspace: one pipeline per deal here.
  const [pipeline] = await db.insert(pipelines).values({ workspaceId, name: `Sales ${randomBytes(3).toString("hex")}` }).returning();
  const [stage] = await db.insert(pipelineStages).values({ workspaceId, pipelineId: pipeline!.id, name: "Proposal", position: 0, probability: 50 }).returning();
  const [row] = await db
    .insert(deals)
    .values({ workspaceId, pipelineId: pipeline!.id, stageId: stage!.id, title: "Deal", currency: "USD", ...values })
    .returning();
  return row!;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  [team, other] = await Promise.all([buildTeam(db), buildTeam(db)]);
  const w = team.workspace.id;
  const otherAgent = await buildUser(db, { workspaceId: w, role: "sales_agent" });
  const salesId = team.users.sales_agent.id;
  const mine = await buildClient(db, { workspaceId: w, name: `Orchard ${word} Analytics`, industry: "Data", ownerId: salesId });
  const colleagues = await buildClient(db, { workspaceId: w, name: `Orchard ${word} Bakery`, industry: "Food", ownerId: otherAgent.id });
  const assigned = await buildClient(db, { workspaceId: w, name: `Orchard ${word} Cinema` });
  await assignClient(db, assigned, team.users.creator.id);
  const foreign = await buildClient(db, { workspaceId: other.workspace.id, name: `Orchard ${word} Foreign` });
  const myContact = await buildContact(db, { workspaceId: w, clientId: mine.id, firstName: "Priya", lastName: `${word}son`, email: `priya-${word}@example.test` });
  const theirContact = await buildContact(db, { workspaceId: w, clientId: colleagues.id, firstName: "Omar", lastName: `${word}son`, email: `omar-${word}@example.test` });
  const myLead = await insertLead(w, { name: `Lead ${word} Mine`, company: "Acme", email: `mine@${word.slice(6)}.example`, ownerId: salesId });
  const theirLead = await insertLead(w, { name: `Lead ${word} Theirs`, company: "Globex", ownerId: otherAgent.id });
  const foreignLead = await insertLead(other.workspace.id, { name: `Lead ${word} Foreign` });
  const myDeal = await insertDeal(w, { title: `Deal ${word} Mine`, ownerId: salesId });
  const theirDeal = await insertDeal(w, { title: `Deal ${word} Theirs`, ownerId: otherAgent.id });
  const foreignDeal = await insertDeal(other.workspace.id, { title: `Deal ${word} Foreign` });
  Object.assign(rec, {
    mine: mine.id,
    colleagues: colleagues.id,
    assigned: assigned.id,
    foreign: foreign.id,
    myContact: myContact.id,
    theirContact: theirContact.id,
    myLead: myLead.id,
    theirLead: theirLead.id,
    foreignLead: foreignLead.id,
    myDeal: myDeal.id,
    theirDeal: theirDeal.id,
    foreignDeal: foreignDeal.id,
  });
  [admin, staff, sales, creator, portal] = await Promise.all([
    loginAs(t, team.users.admin),
    loginAs(t, team.users.staff),
    loginAs(t, team.users.sales_agent),
    loginAs(t, team.users.creator),
    loginAs(t, team.users.client),
  ]);
});
afterAll(async () => {
  await t?.close();
});

async function search(client: ApiClient, q: string, limit = 20) {
  const res = await client.get(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}`);
  expect(res.status).toBe(200);
  return GlobalSearchResponse.parse(res.body).data;
}
const idsOf = (groups: Awaited<ReturnType<typeof search>>, type?: SearchResultType) =>
  groups.filter((g) => !type || g.type === type).flatMap((g) => g.results.map((r) => r.id));

describe("GET /api/search", () => {
  it("200 groups clients, contacts, leads and deals for an admin, each result with its page", async () => {
    const groups = await search(admin, word);
    expect(groups.map((g) => g.type)).toEqual(["client", "contact", "lead", "deal"]);
    expect(idsOf(groups, "client").sort()).toEqual([rec.mine, rec.colleagues, rec.assigned].sort());
    expect(idsOf(groups, "contact").sort()).toEqual([rec.myContact, rec.theirContact].sort());
    expect(idsOf(groups, "lead").sort()).toEqual([rec.myLead, rec.theirLead].sort());
    expect(idsOf(groups, "deal").sort()).toEqual([rec.myDeal, rec.theirDeal].sort());
    const client = groups[0]!.results.find((r) => r.id === rec.mine);
    expect(client).toEqual({ type: "client", id: rec.mine, title: `Orchard ${word} Analytics`, subtitle: "Data", href: `/clients/${rec.mine}` });
    const deal = groups[3]!.results.find((r) => r.id === rec.myDeal);
    expect(deal).toMatchObject({ href: `/deals/${rec.myDeal}`, subtitle: "Proposal" });
    expect(groups[2]!.results.find((r) => r.id === rec.myLead)).toMatchObject({ href: `/leads/${rec.myLead}`, subtitle: "Acme" });
    expect(groups[1]!.results.find((r) => r.id === rec.myContact)).toMatchObject({ href: `/contacts/${rec.myContact}`, subtitle: `Orchard ${word} Analytics · priya-${word}@example.test` });
  });

  it("typo-tolerant: a misspelt name still finds the client, and the closest match ranks first", async () => {
    // One letter dropped and one swapped in the unique word.
    const typo = `Orchard ${word.slice(0, 3)}${word[4]}${word[3]}${word.slice(5)} Analytcs`;
    const groups = await search(admin, typo);
    expect(idsOf(groups, "client")[0]).toBe(rec.mine);
  });

  it("leads by the list's search: a fragment of the company or email, and a misspelt name within the caller's reach", async () => {
    // The unique word with one letter dropped: no fragment matches, so the typo fallback answers.
    const typo = `${word.slice(0, 8)}${word.slice(9)}`;
    expect(idsOf(await search(admin, typo), "lead").sort()).toEqual([rec.myLead, rec.theirLead].sort());
    expect(idsOf(await search(sales, typo), "lead")).toEqual([rec.myLead]);
    expect(idsOf(await search(admin, `mine@${word.slice(6)}`), "lead")).toEqual([rec.myLead]);
    expect(idsOf(await search(admin, "cme"), "lead")).toContain(rec.myLead);
  });

  it("matches a prefix of a name and a contact's email", async () => {
    expect(idsOf(await search(admin, `Orchard ${word.slice(0, 8)}`), "client")).toContain(rec.mine);
    expect(idsOf(await search(admin, `priya-${word}`), "contact")[0]).toBe(rec.myContact);
  });

  it("clients, contacts and deals by their lists' search: a fragment of a website, a contact's title or phone, a deal's tag, and a misspelt contact name or deal title", async () => {
    const w = team.workspace.id;
    const unique = `q${randomBytes(3).toString("hex")}`;
    const client = await buildClient(t.database.db, { workspaceId: w, name: "Palette Client", website: `https://www.${unique}-shop.example` });
    const contact = await buildContact(t.database.db, { workspaceId: w, clientId: client.id, firstName: "Quentin", lastName: `Marchetti${unique}`, phone: "+33699887766", title: `Chief ${unique} officer` });
    const deal = await insertDeal(w, { title: `Kestrelwood${unique} retainer`, tags: [`tag${unique}`] });
    expect(idsOf(await search(admin, `${unique}-shop`), "client")).toEqual([client.id]);
    expect(idsOf(await search(admin, `${unique} offic`), "contact")).toEqual([contact.id]);
    expect(idsOf(await search(admin, "699887766"), "contact")).toEqual([contact.id]);
    expect(idsOf(await search(admin, `tag${unique}`), "deal")).toEqual([deal.id]);
    // One letter dropped: no fragment matches, so the typo fallback answers.
    expect(idsOf(await search(admin, `Marchett${unique}`.replace("tt", "t")), "contact")).toEqual([contact.id]);
    expect(idsOf(await search(admin, `Kestrelwod${unique}`), "deal")).toEqual([deal.id]);
  });

  it("a sales agent never sees other agents' clients, contacts, leads or deals", async () => {
    const groups = await search(sales, word);
    expect(idsOf(groups, "client")).toEqual([rec.mine]);
    expect(idsOf(groups, "contact")).toEqual([rec.myContact]);
    expect(idsOf(groups, "lead")).toEqual([rec.myLead]);
    expect(idsOf(groups, "deal")).toEqual([rec.myDeal]);
    const all = idsOf(groups);
    for (const hidden of ["colleagues", "assigned", "foreign", "theirContact", "theirLead", "foreignLead", "theirDeal", "foreignDeal"]) expect(all).not.toContain(rec[hidden]);
  });

  it("a creator sees only assigned clients, and gets no lead or deal groups at all", async () => {
    const groups = await search(creator, word);
    expect(groups.map((g) => g.type)).toEqual(["client", "contact"]);
    expect(idsOf(groups, "client")).toEqual([rec.assigned]);
    expect(idsOf(groups, "contact")).toEqual([]);
  });

  it("staff follow the workspace's pipeline scope: 'own' hides colleagues' leads and deals", async () => {
    expect(idsOf(await search(staff, word), "lead").sort()).toEqual([rec.myLead, rec.theirLead].sort());
    expect((await admin.patch("/api/workspace", { staffPipelineScope: "own" })).status).toBe(200);
    try {
      const groups = await search(staff, word);
      expect(idsOf(groups, "lead")).toEqual([]);
      expect(idsOf(groups, "deal")).toEqual([]);
      expect(idsOf(groups, "client").length).toBe(3);
    } finally {
      expect((await admin.patch("/api/workspace", { staffPipelineScope: "all" })).status).toBe(200);
    }
  });

  it("limit caps each group", async () => {
    const groups = await search(admin, word, 1);
    for (const g of groups) expect(g.results.length).toBeLessThanOrEqual(1);
    expect(idsOf(groups, "client")).toHaveLength(1);
  });

  it("search terms are data, not syntax: quotes, operators and LIKE wildcards are harmless", async () => {
    for (const q of [`"${word}" -orchard`, "%_%", "' or 1=1 --", "a & b | !c", "\\"]) {
      const res = await admin.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
    }
    expect(idsOf(await search(admin, "%"), "client")).not.toContain(rec.foreign);
  });

  it("400 validation_failed for an empty term or a bad limit", async () => {
    const res = await admin.get("/api/search?q=%20&limit=100");
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["query.limit", "query.q"]);
  });

  it("403 forbidden for a portal user", async () => {
    expectError(await portal.get(`/api/search?q=${word}`), 403, "forbidden");
  });
});
