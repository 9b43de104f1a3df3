import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, users } from "../../server/db/schema";
import { ContactListResponse, ContactResponse } from "../../shared/contracts/contacts";
import { PortalOverviewResponse } from "../../shared/contracts/clients";
import { DEFAULT_ROLE_PERMISSIONS } from "../../shared/constants/roles";
import { assignClient, buildClient, buildContact, buildTeam, buildUser } from "../factories";
import { buildDeal } from "../factories/deals";
import { type ApiClient, anonymous, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, deliveredTextTo, expectError, issuePaths, STRONG_PASSWORD, tokenFromEmail } from "./support/helpers";

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let sales: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  [admin, sales] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.sales_agent)]);
});
afterAll(async () => {
  await t?.close();
});

const w = () => team.workspace.id;

describe("POST /api/contacts", () => {
  it("201, normalises a parsable phone to E.164 and keeps an unparsable one as typed; a new primary demotes the old", async () => {
    const client = await buildClient(t.database.db, { workspaceId: w() });
    const first = await admin.post("/api/contacts", { clientId: client.id, firstName: "Ada", lastName: "Lovelace", email: "ADA@Example.test", phone: "+44 (20) 7946-0958", isPrimary: true });
    expect(first.status).toBe(201);
    const dto = ContactResponse.parse(first.body).data;
    expect(dto).toMatchObject({ name: "Ada Lovelace", email: "ada@example.test", phone: "+442079460958", isPrimary: true, portalAccess: "none", clientName: client.name });
    expect(dto.abilities).toEqual({ update: true, delete: true, inviteToPortal: true, resendPortalInvite: false });
    const second = await admin.post("/api/contacts", { clientId: client.id, firstName: "Bob", phone: "ext. 42", isPrimary: true });
    expect(second.body.data.phone).toBe("ext. 42");
    expect((await admin.get(`/api/contacts/${dto.id}`)).body.data.isPrimary).toBe(false);
    expect((await auditRows(t, { entityId: dto.id, action: "contact.created" })).length).toBe(1);
  });

  it("400 listing each bad field, and for a client outside the caller's visibility", async () => {
    const res = await admin.post("/api/contacts", { clientId: "nope", firstName: "", email: "not-an-email" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.clientId", "body.email", "body.firstName"]);
    const hidden = await buildClient(t.database.db, { workspaceId: w() });
    const res2 = await sales.post("/api/contacts", { clientId: hidden.id, firstName: "X" });
    expectError(res2, 400, "validation_failed");
    expect(issuePaths(res2)).toEqual(["body.clientId"]);
  });
});

describe("GET /api/contacts", () => {
  it("lists contacts of visible clients only, with search, client filter and keyset paging", async () => {
    const ws = await buildTeam(t.database.db);
    const mine = await buildClient(t.database.db, { workspaceId: ws.workspace.id, ownerId: ws.users.sales_agent.id });
    const hidden = await buildClient(t.database.db, { workspaceId: ws.workspace.id });
    const made = [];
    for (const firstName of ["Cleo", "Abe", "Bea", "Abe"]) made.push(await buildContact(t.database.db, { clientId: mine.id, workspaceId: ws.workspace.id, firstName, lastName: "Zed" }));
    const secret = await buildContact(t.database.db, { clientId: hidden.id, workspaceId: ws.workspace.id, firstName: "Secret" });
    const agent = await loginAs(t, ws.users.sales_agent);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await agent.get(`/api/contacts?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      const body = ContactListResponse.parse(res.body);
      seen.push(...body.data.map((c) => c.name));
      cursor = body.meta.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Abe Zed", "Abe Zed", "Bea Zed", "Cleo Zed"]);
    expect((await agent.get("/api/contacts?q=secret")).body.data).toEqual([]);
    expectError(await agent.get(`/api/contacts/${secret.id}`), 404, "not_found");
    const wsAdmin = await loginAs(t, ws.users.admin);
    expect((await wsAdmin.get("/api/contacts?q=secret")).body.data.map((c: { id: string }) => c.id)).toEqual([secret.id]);
    expect((await wsAdmin.get(`/api/contacts?clientId=${mine.id}&sort=createdAt&order=desc`)).body.data.map((c: { id: string }) => c.id)).toEqual(
      made.map((c) => c.id).reverse(),
    );
    const maker = await loginAs(t, ws.users.creator);
    expect((await maker.get("/api/contacts")).body.data).toEqual([]);
    await assignClient(t.database.db, mine, ws.users.creator.id);
    expect((await maker.get("/api/contacts")).body.data).toHaveLength(4);
  });
});

describe("GET /api/contacts search modes (text-search.ts)", () => {
  /** Walks every page of a contact list and returns the ids in order. */
  async function allPages(client: ApiClient, query: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res = await client.get(`/api/contacts?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.status).toBe(200);
      const body = ContactListResponse.parse(res.body);
      seen.push(...body.data.map((c) => c.id));
      cursor = body.meta.nextCursor;
      if (!cursor) return seen;
      expect(body.data).toHaveLength(limit);
    }
    throw new Error("paging did not end");
  }
  const idsOf = (res: { body: { data: { id: string }[] } }) => res.body.data.map((c) => c.id);

  it("200 finds a contact by a fragment of first or last name, email, phone or title, by both names in any order (full text), and despite a typo in the name (typo mode)", async () => {
    const ws = await buildTeam(t.database.db);
    const boss = await loginAs(t, ws.users.admin);
    const w = ws.workspace.id;
    const target = await buildContact(t.database.db, { workspaceId: w, clientId: ws.client.id, firstName: "Marguerite", lastName: "Fontaine", email: "mf@lumiere-bakery.example", phone: "+33612345678", title: "Head pastry chef" });
    await buildContact(t.database.db, { workspaceId: w, clientId: ws.client.id, firstName: "Someone", lastName: "Else", email: "else@example.test", title: "Driver" });
    for (const q of ["guerit", "FONTAINE", "lumiere-bak", "612345", "pastry ch", "fontaine marguerite", "Margurite", "Marguerite Fontane"]) {
      expect(idsOf(await boss.get(`/api/contacts?q=${encodeURIComponent(q)}`)), q).toEqual([target.id]);
    }
    const csv = await boss.get(`/api/contacts/export.csv?q=${encodeURIComponent("Margurite")}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(target.id);
    expect(csv.text).not.toContain("Someone");
  });

  it("200 with only the contacts of the sales agent's and the creator's clients in each search mode (fragment, full text, typo), list and export", async () => {
    const ws = await buildTeam(t.database.db);
    const wsId = ws.workspace.id;
    const boss = await loginAs(t, ws.users.admin);
    expect((await boss.put("/api/roles/sales_agent/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.sales_agent, "clients.export"] })).status).toBe(200);
    expect((await boss.put("/api/roles/creator/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.creator, "clients.export"] })).status).toBe(200);
    const owned = await buildClient(t.database.db, { workspaceId: wsId, ownerId: ws.users.sales_agent.id });
    const assigned = await buildClient(t.database.db, { workspaceId: wsId });
    await assignClient(t.database.db, assigned, ws.users.creator.id);
    const nobodys = await buildClient(t.database.db, { workspaceId: wsId });
    const [cOwned, cAssigned, cNobody] = await Promise.all(
      [owned, assigned, nobodys].map((c) => buildContact(t.database.db, { workspaceId: wsId, clientId: c.id, firstName: "Ada", lastName: "Lovelace", title: "Analyst" })),
    );
    const [agent, maker] = await Promise.all([loginAs(t, ws.users.sales_agent), loginAs(t, ws.users.creator)]);
    for (const q of ["lovel", "ada analyst", "lovelaze"]) {
      expect(idsOf(await agent.get(`/api/contacts?q=${encodeURIComponent(q)}`)), q).toEqual([cOwned!.id]);
      expect(idsOf(await maker.get(`/api/contacts?q=${encodeURIComponent(q)}`)), q).toEqual([cAssigned!.id]);
      const csv = (await agent.get(`/api/contacts/export.csv?q=${encodeURIComponent(q)}`)).text;
      expect(csv, q).toContain(cOwned!.id);
      expect(csv, q).not.toContain(cAssigned!.id);
      expect(csv, q).not.toContain(cNobody!.id);
    }
    expect(idsOf(await boss.get("/api/contacts?q=lovelaze")).sort()).toEqual([cOwned!.id, cAssigned!.id, cNobody!.id].sort());
  });

  it("200 pages of one search keep the mode of its first page: typo pages through its close matches, a page-filling exact search never adds them", async () => {
    const ws = await buildTeam(t.database.db);
    const boss = await loginAs(t, ws.users.admin);
    const wsId = ws.workspace.id;
    const close = await Promise.all(["Lovelace", "Lovelac", "Lovelance", "Lovelacey"].map((lastName) => buildContact(t.database.db, { workspaceId: wsId, clientId: ws.client.id, firstName: "Ada", lastName })));
    expect((await allPages(boss, "q=lovelaze", 1)).sort()).toEqual(close.map((c) => c.id).sort());
    const exact = await t.database.db
      .insert(contacts)
      .values(Array.from({ length: 55 }, (_, i) => ({ workspaceId: wsId, clientId: ws.client.id, firstName: "Pemberton", lastName: String(i).padStart(2, "0") })))
      .returning({ id: contacts.id });
    const nearMiss = await buildContact(t.database.db, { workspaceId: wsId, clientId: ws.client.id, firstName: "Pembertin", lastName: null });
    const exactRows = await allPages(boss, "q=pemberton", 20);
    expect(exactRows).toEqual(exact.map((c) => c.id));
    expect(exactRows).not.toContain(nearMiss.id);
    expect(idsOf(await boss.get("/api/contacts?q=pembertin"))).toContain(nearMiss.id);
  });
});

describe("PATCH and DELETE /api/contacts/:id", () => {
  it("edits (timeline + audit) and deletes", async () => {
    const contact = await buildContact(t.database.db, { workspaceId: w(), clientId: team.client.id });
    const res = await admin.patch(`/api/contacts/${contact.id}`, { title: "CTO", phone: "+1 415-555-0100" });
    expect(res.body.data).toMatchObject({ title: "CTO", phone: "+14155550100" });
    const timeline = await admin.get(`/api/activities?entityType=contact&entityId=${contact.id}`);
    expect(timeline.body.data[0]).toMatchObject({ kind: "updated", meta: { fields: ["phone", "title"] } });
    expectError(await admin.patch(`/api/contacts/${contact.id}`, { clientId: team.client.id }), 400, "validation_failed");
    expect((await admin.delete(`/api/contacts/${contact.id}`)).status).toBe(204);
    expectError(await admin.get(`/api/contacts/${contact.id}`), 404, "not_found");
  });
});

describe("POST /api/contacts/:id/invite-to-portal", () => {
  it("invites through the team invitation; accepting lands in a portal showing only that client and its contacts", async () => {
    const ws = await buildTeam(t.database.db);
    const wsAdmin = await loginAs(t, ws.users.admin);
    const client = await buildClient(t.database.db, { workspaceId: ws.workspace.id, name: "Portal Co", portalSettings: { tasks: true, invoices: false, tickets: false, messages: true, reports: false } });
    const other = await buildClient(t.database.db, { workspaceId: ws.workspace.id, name: "Other Co" });
    const email = `portal-${Date.now()}@example.test`;
    const contact = await buildContact(t.database.db, { workspaceId: ws.workspace.id, clientId: client.id, firstName: "Pat", lastName: "Portal", email });
    const colleague = await buildContact(t.database.db, { workspaceId: ws.workspace.id, clientId: client.id, firstName: "Col" });
    const stranger = await buildContact(t.database.db, { workspaceId: ws.workspace.id, clientId: other.id, firstName: "Stranger" });

    const res = await wsAdmin.post(`/api/contacts/${contact.id}/invite-to-portal`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ portalAccess: "invited", abilities: { inviteToPortal: false } });
    expect((await auditRows(t, { action: "user.invited", actorId: ws.users.admin.id })).length).toBe(1);
    expectError(await wsAdmin.post(`/api/contacts/${contact.id}/invite-to-portal`), 409, "invalid_state");

    const token = tokenFromEmail(await deliveredTextTo(t, email), "/accept-invite");
    expect((await anonymous(t).post("/api/auth/invitations/accept", { token, password: STRONG_PASSWORD })).status).toBe(200);
    expect((await wsAdmin.get(`/api/contacts/${contact.id}`)).body.data.portalAccess).toBe("active");

    const portal = await loginAs(t, { email, password: STRONG_PASSWORD });
    const overview = PortalOverviewResponse.parse((await portal.get("/api/portal/overview")).body);
    expect(overview.client.id).toBe(client.id);
    expect(overview.sections).toEqual({ tasks: true, invoices: false, tickets: false, messages: true, reports: false });
    expect(overview.contacts.map((c) => c.id).sort()).toEqual([contact.id, colleague.id].sort());
    expect(JSON.stringify(overview)).not.toContain(stranger.id);
    expect(JSON.stringify(overview)).not.toContain(other.id);

    expectError(await wsAdmin.delete(`/api/clients/${client.id}`), 409, "conflict");
  });

  it("409 when the email already has an account; 409 without an email; 403 for staff without users.invite", async () => {
    const taken = await buildContact(t.database.db, { workspaceId: w(), clientId: team.client.id, email: team.users.staff.email });
    expectError(await admin.post(`/api/contacts/${taken.id}/invite-to-portal`), 409, "already_exists");
    const noEmail = await buildContact(t.database.db, { workspaceId: w(), clientId: team.client.id, email: null });
    expectError(await admin.post(`/api/contacts/${noEmail.id}/invite-to-portal`), 409, "invalid_state");
    expectError(await sales.post(`/api/contacts/${noEmail.id}/invite-to-portal`), 403, "forbidden");
  });
});

/** A contact of a new workspace invited to the portal (status invited), with the invite link's token. */
async function invitedContact() {
  const ws = await buildTeam(t.database.db);
  const wsAdmin = await loginAs(t, ws.users.admin);
  const email = `portal-${randomUUID()}@example.test`;
  const contact = await buildContact(t.database.db, { workspaceId: ws.workspace.id, clientId: ws.client.id, firstName: "Pat", lastName: "Portal", email });
  expect((await wsAdmin.post(`/api/contacts/${contact.id}/invite-to-portal`)).status).toBe(200);
  const [row] = await t.database.db.select({ userId: contacts.userId }).from(contacts).where(eq(contacts.id, contact.id));
  return { ws, wsAdmin, email, contact, userId: row!.userId!, token: tokenFromEmail(await deliveredTextTo(t, email), "/accept-invite") };
}

describe("DELETE /api/contacts/:id with portal access", () => {
  it("204 deactivates the contact's portal user and ends their sessions in the same transaction, audited", async () => {
    const { ws, wsAdmin, email, contact, userId, token } = await invitedContact();
    // Accepting signs them in (one session); signing in again opens a second.
    expect((await anonymous(t).post("/api/auth/invitations/accept", { token, password: STRONG_PASSWORD })).status).toBe(200);
    const portal = await loginAs(t, { email, password: STRONG_PASSWORD });
    expect((await portal.get("/api/portal/overview")).status).toBe(200);

    expect((await wsAdmin.delete(`/api/contacts/${contact.id}`)).status).toBe(204);
    expect((await portal.get("/api/portal/overview")).status).toBe(401);
    expect((await anonymous(t).post("/api/auth/login", { email, password: STRONG_PASSWORD })).status).toBe(401);
    const [user] = await t.database.db.select({ status: users.status }).from(users).where(eq(users.id, userId));
    expect(user!.status).toBe("deactivated");
    const [audit] = await auditRows(t, { entityId: userId, action: "user.deactivated" });
    expect(audit).toMatchObject({ actor_id: ws.users.admin.id, changes: { status: { from: "active", to: "deactivated" }, sessionsEnded: 2, reason: "contact_deleted", contactId: contact.id } });
    expect(await auditRows(t, { entityId: contact.id, action: "contact.deleted" })).toHaveLength(1);
  });

  it("204 revokes a pending invite: the link no longer works (410)", async () => {
    const { wsAdmin, contact, userId, token } = await invitedContact();
    expect((await wsAdmin.delete(`/api/contacts/${contact.id}`)).status).toBe(204);
    expectError(await anonymous(t).post("/api/auth/invitations/accept", { token, password: STRONG_PASSWORD }), 410, "token_invalid");
    const [user] = await t.database.db.select({ status: users.status }).from(users).where(eq(users.id, userId));
    expect(user!.status).toBe("deactivated");
    expect(await auditRows(t, { entityId: userId, action: "user.invite_revoked" })).toHaveLength(1);
  });
});

describe("POST /api/contacts/:id/resend-portal-invite", () => {
  it("200 sends a new link through the outbox and the email job; the old link stops working, the new one works", async () => {
    const { wsAdmin, email, contact, userId, token } = await invitedContact();
    expect((await wsAdmin.get(`/api/contacts/${contact.id}`)).body.data.abilities).toMatchObject({ inviteToPortal: false, resendPortalInvite: true });
    const res = await wsAdmin.post(`/api/contacts/${contact.id}/resend-portal-invite`);
    expect(res.status).toBe(200);
    expect(ContactResponse.parse(res.body).data).toMatchObject({ portalAccess: "invited", abilities: { resendPortalInvite: true } });
    const { rows: outbox } = await t.database.pool.query<{ id: string }>("SELECT id FROM email_outbox WHERE to_address = $1", [email]);
    expect(outbox).toHaveLength(2);
    const { rows: jobs } = await t.database.pool.query<{ n: string }>("SELECT count(*) AS n FROM pgboss.job WHERE name = 'email.send' AND data->>'outboxId' = ANY($1)", [outbox.map((o) => o.id)]);
    expect(Number(jobs[0]!.n)).toBe(2);
    const fresh = tokenFromEmail(await deliveredTextTo(t, email), "/accept-invite");
    expect(fresh).not.toBe(token);
    expectError(await anonymous(t).post("/api/auth/invitations/accept", { token, password: STRONG_PASSWORD }), 410, "token_invalid");
    expect((await anonymous(t).post("/api/auth/invitations/accept", { token: fresh, password: STRONG_PASSWORD })).status).toBe(200);
    expect(await auditRows(t, { entityId: userId, action: "user.invite_resent" })).toHaveLength(1);
    expect(await auditRows(t, { entityId: contact.id, action: "contact.portal_invite_resent" })).toHaveLength(1);

    const accepted = await wsAdmin.post(`/api/contacts/${contact.id}/resend-portal-invite`);
    expectError(accepted, 409, "invite_already_accepted");
    expect((await wsAdmin.get(`/api/contacts/${contact.id}`)).body.data.abilities.resendPortalInvite).toBe(false);
  });

  it("409 invalid_state for a contact never invited; 403 for a sales agent (no users.invite); 404 for another workspace's contact", async () => {
    const never = await buildContact(t.database.db, { workspaceId: w(), clientId: team.client.id, email: `never-${randomUUID()}@example.test` });
    expectError(await admin.post(`/api/contacts/${never.id}/resend-portal-invite`), 409, "invalid_state");
    expectError(await sales.post(`/api/contacts/${never.id}/resend-portal-invite`), 403, "forbidden");
    const { contact } = await invitedContact();
    expectError(await admin.post(`/api/contacts/${contact.id}/resend-portal-invite`), 404, "not_found");
  });
});

describe("POST /api/contacts/bulk", () => {
  it("200 deletes visible contacts through the single delete's path (portal user deactivated, invite revoked) and skips foreign and invisible ids as not_found", async () => {
    const { ws, wsAdmin, contact: invited, userId, token } = await invitedContact();
    const plain = await buildContact(t.database.db, { workspaceId: ws.workspace.id, clientId: ws.client.id });
    const foreign = await buildContact(t.database.db, { workspaceId: w() });
    const missing = randomUUID();
    const res = await wsAdmin.post("/api/contacts/bulk", { ids: [invited.id, plain.id, foreign.id, missing, plain.id], action: { type: "delete" } });
    expect(res.status).toBe(200);
    expect(res.body.updated).toBe(2);
    expect(res.body.skipped).toEqual(expect.arrayContaining([{ id: foreign.id, reason: "not_found" }, { id: missing, reason: "not_found" }]));
    expect(res.body.skipped).toHaveLength(2);
    expectError(await wsAdmin.get(`/api/contacts/${invited.id}`), 404, "not_found");
    expectError(await wsAdmin.get(`/api/contacts/${plain.id}`), 404, "not_found");
    expect((await admin.get(`/api/contacts/${foreign.id}`)).status).toBe(200);
    const [user] = await t.database.db.select({ status: users.status }).from(users).where(eq(users.id, userId));
    expect(user!.status).toBe("deactivated");
    expectError(await anonymous(t).post("/api/auth/invitations/accept", { token, password: STRONG_PASSWORD }), 410, "token_invalid");
    expect(await auditRows(t, { entityId: userId, action: "user.invite_revoked" })).toHaveLength(1);
    expect(await auditRows(t, { entityId: invited.id, action: "contact.deleted" })).toHaveLength(1);
    expect(await auditRows(t, { action: "contact.bulk", actorId: ws.users.admin.id })).toHaveLength(1);
  });

  it("200 ends an active portal user's sessions: their next request is 401", async () => {
    const { wsAdmin, email, contact, token } = await invitedContact();
    expect((await anonymous(t).post("/api/auth/invitations/accept", { token, password: STRONG_PASSWORD })).status).toBe(200);
    const portal = await loginAs(t, { email, password: STRONG_PASSWORD });
    expect((await portal.get("/api/portal/overview")).status).toBe(200);
    expect((await wsAdmin.post("/api/contacts/bulk", { ids: [contact.id], action: { type: "delete" } })).body).toEqual({ updated: 1, skipped: [] });
    expect((await portal.get("/api/portal/overview")).status).toBe(401);
  });

  it("200 a sales agent deletes the contacts of their own clients only; another agent's client's contacts are skipped as not_found and stay", async () => {
    const mineClient = await buildClient(t.database.db, { workspaceId: w(), ownerId: team.users.sales_agent.id });
    const mine = await buildContact(t.database.db, { workspaceId: w(), clientId: mineClient.id });
    const otherAgent = await buildUser(t.database.db, { workspaceId: w(), role: "sales_agent" });
    const theirs = await buildContact(t.database.db, { workspaceId: w(), clientId: (await buildClient(t.database.db, { workspaceId: w(), ownerId: otherAgent.id })).id });
    const res = await sales.post("/api/contacts/bulk", { ids: [mine.id, theirs.id], action: { type: "delete" } });
    expect(res.body).toEqual({ updated: 1, skipped: [{ id: theirs.id, reason: "not_found" }] });
    expect((await admin.get(`/api/contacts/${theirs.id}`)).status).toBe(200);
    expectError(await admin.get(`/api/contacts/${mine.id}`), 404, "not_found");
  });

  it("400 validation_failed for an empty id list or an action contacts do not have (set_primary)", async () => {
    const res = await admin.post("/api/contacts/bulk", { ids: [], action: { type: "set_primary" } });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(expect.arrayContaining(["body.action.type", "body.ids"]));
  });
});

describe("GET /api/contacts/export.csv", () => {
  it("200 streams the list's columns with escaping and custom fields, honouring q, clientId and cf filters", async () => {
    const ws = await buildTeam(t.database.db);
    const wsAdmin = await loginAs(t, ws.users.admin);
    expect((await wsAdmin.post("/api/custom-fields", { entityType: "contact", key: "lang", label: "Language", type: "text" })).status).toBe(201);
    const other = await buildClient(t.database.db, { workspaceId: ws.workspace.id, name: 'Quote "Co", Ltd' });
    const tricky = await buildContact(t.database.db, {
      workspaceId: ws.workspace.id,
      clientId: other.id,
      firstName: "Zed",
      lastName: "Csv",
      email: "zed@example.test",
      phone: "+4420",
      title: "=HYPERLINK(1)",
      isPrimary: true,
      customFields: { lang: "fr" },
    });
    const plain = await buildContact(t.database.db, { workspaceId: ws.workspace.id, clientId: ws.client.id, firstName: "Amy", lastName: "Csv", customFields: { lang: "en" } });
    const res = await wsAdmin.get("/api/contacts/export.csv?q=csv");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="contacts-.*\.csv"$/);
    const lines = res.text.trim().split("\r\n");
    expect(lines[0]).toBe("id,name,email,phone,title,primary,client,portal_access,created_at,Language");
    expect(lines).toHaveLength(3);
    // Sorted by name like the list.
    expect(lines[1]).toMatch(new RegExp(`^${plain.id},Amy Csv,${plain.email},,,no,${ws.client.name},none,\\d{4}-.*Z,en$`));
    expect(lines[2]).toBe(`${tricky.id},Zed Csv,zed@example.test,'+4420,'=HYPERLINK(1),yes,"Quote ""Co"", Ltd",none,${tricky.createdAt.toISOString()},fr`);
    const byClient = (await wsAdmin.get(`/api/contacts/export.csv?clientId=${other.id}`)).text;
    expect(byClient).toContain(tricky.id);
    expect(byClient).not.toContain(plain.id);
    const byField = (await wsAdmin.get(`/api/contacts/export.csv?${new URLSearchParams({ cf: "lang:en" })}`)).text;
    expect(byField).toContain(plain.id);
    expect(byField).not.toContain(tricky.id);
    expect((await wsAdmin.get("/api/contacts/export.csv?sort=name&order=desc&q=csv")).text.trim().split("\r\n")[1]).toContain(tricky.id);
    expect(await auditRows(t, { action: "contact.exported", actorId: ws.users.admin.id })).toHaveLength(4);
  });

  it("200 within the list's visibility: a sales agent's export never holds another agent's client's contacts, a creator's only their assigned clients'", async () => {
    const ws = await buildTeam(t.database.db);
    const wsId = ws.workspace.id;
    const wsAdmin = await loginAs(t, ws.users.admin);
    // Sales agents and creators may not export by default; this workspace grants it so visibility is what is tested.
    expect((await wsAdmin.put("/api/roles/sales_agent/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.sales_agent, "clients.export"] })).status).toBe(200);
    expect((await wsAdmin.put("/api/roles/creator/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.creator, "clients.export"] })).status).toBe(200);
    const otherAgent = await buildUser(t.database.db, { workspaceId: wsId, role: "sales_agent" });
    const owned = await buildClient(t.database.db, { workspaceId: wsId, ownerId: ws.users.sales_agent.id });
    const viaDeal = await buildClient(t.database.db, { workspaceId: wsId });
    await buildDeal(t.database.db, { workspaceId: wsId, clientId: viaDeal.id, ownerId: ws.users.sales_agent.id });
    const theirs = await buildClient(t.database.db, { workspaceId: wsId, ownerId: otherAgent.id });
    const assigned = await buildClient(t.database.db, { workspaceId: wsId });
    await assignClient(t.database.db, assigned, ws.users.creator.id);
    const [cOwned, cDeal, cTheirs, cAssigned] = await Promise.all([owned, viaDeal, theirs, assigned].map((c) => buildContact(t.database.db, { workspaceId: wsId, clientId: c.id })));
    const foreign = await buildContact(t.database.db, { workspaceId: w() });

    const agentCsv = (await (await loginAs(t, ws.users.sales_agent)).get("/api/contacts/export.csv")).text;
    expect(agentCsv).toContain(cOwned!.id);
    expect(agentCsv).toContain(cDeal!.id);
    expect(agentCsv).not.toContain(cTheirs!.id);
    expect(agentCsv).not.toContain(cAssigned!.id);
    expect(agentCsv).not.toContain(foreign.id);
    const otherCsv = (await (await loginAs(t, otherAgent)).get("/api/contacts/export.csv")).text;
    expect(otherCsv).toContain(cTheirs!.id);
    expect(otherCsv).not.toContain(cOwned!.id);
    const creatorCsv = (await (await loginAs(t, ws.users.creator)).get("/api/contacts/export.csv")).text;
    expect(creatorCsv.trim().split("\r\n").slice(1).map((l) => l.split(",")[0])).toEqual([cAssigned!.id]);
    const adminCsv = (await wsAdmin.get("/api/contacts/export.csv")).text;
    for (const c of [cOwned, cDeal, cTheirs, cAssigned]) expect(adminCsv).toContain(c!.id);
    expect(adminCsv).not.toContain(foreign.id);
  });

  it("403 forbidden for a sales agent without clients.export; 400 validation_failed for an unknown cf key before any byte is sent", async () => {
    expectError(await sales.get("/api/contacts/export.csv"), 403, "forbidden");
    const res = await admin.get(`/api/contacts/export.csv?${new URLSearchParams({ cf: "nope:x" })}`);
    expect(res.status).toBe(400);
  });
});
