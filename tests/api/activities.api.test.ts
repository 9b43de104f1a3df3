import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActivityListResponse, ActivityResponse } from "../../shared/contracts/activities";
import { buildActivity, buildClient, buildContact, buildLead, buildTeam, buildUser } from "../factories";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, expectError, issuePaths } from "./support/helpers";

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

describe("POST /api/activities", () => {
  it("201 logs a note; each @mentioned team member gets an email queued in the same transaction", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id, name: "Mention Co", ownerId: team.users.sales_agent.id });
    const res = await sales.post("/api/activities", {
      entityType: "client",
      entityId: client.id,
      kind: "call",
      body: "Spoke to them, @manager please follow up",
      mentionIds: [team.users.manager.id, team.users.staff.id],
      occurredAt: "2026-11-20T10:00:00.000Z",
    });
    expect(res.status).toBe(201);
    const dto = ActivityResponse.parse(res.body).data;
    expect(dto).toMatchObject({ kind: "call", occurredAt: "2026-11-20T10:00:00.000Z", actor: { id: team.users.sales_agent.id, name: team.users.sales_agent.name } });
    expect(dto.mentions.map((m) => m.name).sort()).toEqual([team.users.manager.name, team.users.staff.name].sort());
    const { rows } = await t.database.pool.query<{ to_address: string; subject: string; template: string }>(
      "SELECT to_address, subject, template FROM email_outbox WHERE template = 'crm.mention' AND workspace_id = $1 ORDER BY to_address",
      [team.workspace.id],
    );
    expect(rows.map((r) => r.to_address)).toEqual([team.users.manager.email, team.users.staff.email].sort());
    expect(rows[0]!.subject).toContain("Mention Co");
    expect((await auditRows(t, { entityId: client.id, action: "activity.created" })).length).toBe(1);
  });

  it("400 for a mention outside the workspace or of a portal user (nothing is written or sent), and for a bad kind", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const stranger = await buildUser(t.database.db);
    const res = await admin.post("/api/activities", { entityType: "client", entityId: client.id, kind: "note", body: "hi", mentionIds: [team.users.staff.id, stranger.id, team.users.client.id] });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.mentionIds.1", "body.mentionIds.2"]);
    expect((await admin.get(`/api/activities?entityType=client&entityId=${client.id}`)).body.data).toEqual([]);
    const bad = await admin.post("/api/activities", { entityType: "client", entityId: client.id, kind: "status_changed", body: "" });
    expect(issuePaths(bad)).toEqual(["body.body", "body.kind"]);
  });

  it("400 for a mention of someone who can't see the record (a creator or another agent on a lead, an unassigned creator on a client): nothing is written or emailed", async () => {
    const lead = await buildLead(t.database.db, { workspaceId: team.workspace.id, name: "Secret Pricing Lead", ownerId: team.users.manager.id });
    const res = await admin.post("/api/activities", {
      entityType: "lead",
      entityId: lead.id,
      kind: "note",
      body: "40% discount agreed",
      mentionIds: [team.users.manager.id, team.users.creator.id, team.users.sales_agent.id],
    });
    expectError(res, 400, "validation_failed");
    expect(res.body.error.details.issues).toEqual([
      { path: "body.mentionIds.1", message: `${team.users.creator.name} can't see this lead, so can't be mentioned on it` },
      { path: "body.mentionIds.2", message: `${team.users.sales_agent.name} can't see this lead, so can't be mentioned on it` },
    ]);
    expect((await admin.get(`/api/activities?entityType=lead&entityId=${lead.id}`)).body.data).toEqual([]);
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id, name: "Unassigned Co" });
    const onClient = await admin.post("/api/activities", { entityType: "client", entityId: client.id, kind: "note", body: "hi", mentionIds: [team.users.creator.id] });
    expect(issuePaths(onClient)).toEqual(["body.mentionIds.0"]);
    const { rows } = await t.database.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM email_outbox WHERE template = 'crm.mention' AND workspace_id = $1 AND (subject LIKE '%Secret Pricing Lead%' OR subject LIKE '%Unassigned Co%')",
      [team.workspace.id],
    );
    expect(rows[0]!.n).toBe(0);
    // Someone who may open the lead is mentioned as before.
    const ok = await admin.post("/api/activities", { entityType: "lead", entityId: lead.id, kind: "note", body: "@Morgan see this", mentionIds: [team.users.manager.id] });
    expect(ok.status).toBe(201);
  });

  it("404 on a record outside the caller's visibility", async () => {
    const hidden = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    expectError(await sales.post("/api/activities", { entityType: "client", entityId: hidden.id, kind: "note", body: "x" }), 404, "not_found");
    const contact = await buildContact(t.database.db, { workspaceId: team.workspace.id, clientId: hidden.id });
    expectError(await sales.post("/api/activities", { entityType: "contact", entityId: contact.id, kind: "note", body: "x" }), 404, "not_found");
  });
});

describe("GET /api/activities", () => {
  it("newest first with keyset paging and a kind filter", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await buildActivity(t.database.db, { workspaceId: team.workspace.id, entityType: "client", entityId: client.id }, { kind: i === 2 ? "call" : "note" }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/activities?entityType=client&entityId=${client.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      const body = ActivityListResponse.parse(res.body);
      seen.push(...body.data.map((a) => a.id));
      cursor = body.meta.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.map((a) => a.id).reverse());
    expect((await admin.get(`/api/activities?entityType=client&entityId=${client.id}&kind=call`)).body.data.map((a: { id: string }) => a.id)).toEqual([made[2]!.id]);
    const res = await admin.get("/api/activities?entityType=invoice&entityId=x");
    expect(issuePaths(res)).toEqual(["query.entityId", "query.entityType"]);
  });
});
