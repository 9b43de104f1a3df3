import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SavedViewListResponse, SavedViewResponse } from "../../shared/contracts/saved-views";
import { buildClient, buildTeam } from "../factories";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, expectError, issuePaths } from "./support/helpers";

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let other: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let manager: ApiClient;
let staff: ApiClient;
let sales: ApiClient;
let creator: ApiClient;
let foreignAdmin: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  [team, other] = await Promise.all([buildTeam(t.database.db), buildTeam(t.database.db)]);
  [admin, manager, staff, sales, creator, foreignAdmin] = await Promise.all([
    loginAs(t, team.users.admin),
    loginAs(t, team.users.manager),
    loginAs(t, team.users.staff),
    loginAs(t, team.users.sales_agent),
    loginAs(t, team.users.creator),
    loginAs(t, other.users.admin),
  ]);
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString("hex");
const viewIds = async (client: ApiClient, entityType = "client") => {
  const res = await client.get(`/api/saved-views?entityType=${entityType}`);
  expect(res.status).toBe(200);
  return SavedViewListResponse.parse(res.body).data.map((v) => v.id);
};
async function createView(client: ApiClient, body: Record<string, unknown> = {}) {
  const res = await client.post("/api/saved-views", { entityType: "client", name: `View ${hex()}`, ...body });
  expect(res.status).toBe(201);
  return SavedViewResponse.parse(res.body).data;
}

describe("POST /api/saved-views", () => {
  it("201 stores the query and columns as given, owned by the caller, with an audit row", async () => {
    const res = await staff.post("/api/saved-views", {
      entityType: "client",
      name: "  Active VIPs ",
      visibility: "shared",
      query: { status: "active", tag: "vip", q: "acme", sort: "updatedAt", order: "desc", cf: ["tier:gold"] },
      columns: ["status", "owner", "cf:tier"],
    });
    expect(res.status).toBe(201);
    const view = SavedViewResponse.parse(res.body).data;
    expect(view).toMatchObject({
      entityType: "client",
      name: "Active VIPs",
      visibility: "shared",
      query: { status: "active", tag: "vip", q: "acme", sort: "updatedAt", order: "desc", cf: ["tier:gold"] },
      columns: ["status", "owner", "cf:tier"],
      owner: { id: team.users.staff.id, name: team.users.staff.name },
      abilities: { update: true, delete: true },
    });
    expect((await auditRows(t, { entityId: view.id, action: "saved_view.created" })).length).toBe(1);
  });

  it("defaults to a personal view with no columns", async () => {
    const view = await createView(sales, { query: {} });
    expect(view).toMatchObject({ visibility: "personal", columns: null, query: {} });
  });

  it("400 validation_failed for query keys and values the client list does not accept", async () => {
    const res = await admin.post("/api/saved-views", {
      entityType: "client",
      name: "Bad",
      query: { status: "gone", bogus: "1", cursor: "abc", sort: "nope", ownerId: "not-a-uuid" },
    });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.query.bogus", "body.query.cursor", "body.query.ownerId", "body.query.sort", "body.query.status"]);
  });

  it("400 validation_failed for a contact view with a client-only filter", async () => {
    const res = await admin.post("/api/saved-views", { entityType: "contact", name: "Bad", query: { status: "active", clientId: team.client.id } });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.query.status"]);
  });

  it("400 validation_failed for an empty name, an unknown visibility or list, and bad column ids", async () => {
    const res = await admin.post("/api/saved-views", { entityType: "invoice", name: " ", visibility: "public", columns: ["ok", "DROP TABLE"] });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.columns.1", "body.entityType", "body.name", "body.visibility"]);
  });

  it("400 validation_failed for a lead view with a filter the lead list does not accept", async () => {
    const res = await sales.post("/api/saved-views", { entityType: "lead", name: "Bad", query: { status: "won", industry: "x" } });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.query.industry", "body.query.status"]);
  });

  it("lead views store the lead list's filters; deal views accept short string parameters, but not paging or odd keys", async () => {
    const lead = await createView(sales, { entityType: "lead", query: { status: "qualified", ownerId: team.users.sales_agent.id, source: "form" } });
    expect(lead.query).toEqual({ status: "qualified", ownerId: team.users.sales_agent.id, source: "form" });
    const bad = await sales.post("/api/saved-views", { entityType: "deal", name: "Bad", query: { limit: "10", "a b": "x" } });
    expectError(bad, 400, "validation_failed");
    expect(issuePaths(bad)).toEqual(["body.query.a b", "body.query.limit"]);
    const long = await sales.post("/api/saved-views", { entityType: "deal", name: "Bad", query: { q: "x".repeat(201) } });
    expectError(long, 400, "validation_failed");
    expect(issuePaths(long)).toEqual(["body.query.q"]);
  });

  it("403 forbidden for a lead view when the caller lacks leads.read (creator)", async () => {
    expectError(await creator.post("/api/saved-views", { entityType: "lead", name: "Leads", query: {} }), 403, "forbidden");
  });
});

describe("GET /api/saved-views", () => {
  it("lists the caller's personal views and the workspace's shared ones, never a colleague's personal view", async () => {
    const mine = await createView(staff, { visibility: "personal" });
    const theirs = await createView(manager, { visibility: "personal" });
    const shared = await createView(manager, { visibility: "shared" });
    const contactView = await createView(staff, { entityType: "contact" });
    const staffSees = await viewIds(staff);
    expect(staffSees).toEqual(expect.arrayContaining([mine.id, shared.id]));
    expect(staffSees).not.toContain(theirs.id);
    expect(staffSees).not.toContain(contactView.id);
    expect(await viewIds(staff, "contact")).toContain(contactView.id);
    // An admin does not see a colleague's personal view either.
    expect(await viewIds(admin)).not.toContain(mine.id);
    expect(await viewIds(admin)).toContain(shared.id);
  });

  it("another workspace's shared views never appear", async () => {
    const foreign = await createView(foreignAdmin, { visibility: "shared" });
    expect(await viewIds(admin)).not.toContain(foreign.id);
  });

  it("personal views come first, then shared, each by name", async () => {
    const client = await loginAs(t, team.users.sales_agent);
    const b = await createView(client, { name: "b personal" });
    const a = await createView(client, { name: "A personal" });
    const ids = await viewIds(client);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    const firstShared = (await client.get("/api/saved-views?entityType=client")).body.data.findIndex((v: { visibility: string }) => v.visibility === "shared");
    if (firstShared >= 0) expect(ids.indexOf(b.id)).toBeLessThan(firstShared);
  });

  it("ships abilities: a colleague's shared view is read-only for staff, editable for a manager", async () => {
    const shared = await createView(sales, { visibility: "shared" });
    const forStaff = (await staff.get("/api/saved-views?entityType=client")).body.data.find((v: { id: string }) => v.id === shared.id);
    const forManager = (await manager.get("/api/saved-views?entityType=client")).body.data.find((v: { id: string }) => v.id === shared.id);
    expect(forStaff.abilities).toEqual({ update: false, delete: false });
    expect(forManager.abilities).toEqual({ update: true, delete: true });
  });

  it("400 validation_failed without an entity type", async () => {
    const res = await admin.get("/api/saved-views");
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["query.entityType"]);
  });
});

describe("PATCH /api/saved-views/:id", () => {
  it("200 the owner renames, re-shares and re-saves the query and columns", async () => {
    const view = await createView(staff);
    const res = await staff.patch(`/api/saved-views/${view.id}`, { name: "Renamed", visibility: "shared", query: { status: "paused" }, columns: ["status"] });
    expect(res.status).toBe(200);
    expect(SavedViewResponse.parse(res.body).data).toMatchObject({ name: "Renamed", visibility: "shared", query: { status: "paused" }, columns: ["status"] });
    expect(await viewIds(sales)).toContain(view.id);
    expect((await auditRows(t, { entityId: view.id, action: "saved_view.updated" })).length).toBe(1);
  });

  it("404 not_found for a colleague's personal view, even for an admin", async () => {
    const view = await createView(staff);
    expectError(await admin.patch(`/api/saved-views/${view.id}`, { name: "Taken" }), 404, "not_found");
    expectError(await sales.delete(`/api/saved-views/${view.id}`), 404, "not_found");
  });

  it("403 forbidden when staff edit a colleague's shared view; 200 for a manager; only the owner makes it personal", async () => {
    const view = await createView(sales, { visibility: "shared" });
    expectError(await staff.patch(`/api/saved-views/${view.id}`, { name: "Mine" }), 403, "forbidden");
    const res = await manager.patch(`/api/saved-views/${view.id}`, { name: "Tidied" });
    expect(res.status).toBe(200);
    expect(res.body.data.name).toBe("Tidied");
    expectError(await manager.patch(`/api/saved-views/${view.id}`, { visibility: "personal" }), 403, "forbidden");
  });

  it("404 not_found for another workspace's view", async () => {
    const view = await createView(foreignAdmin, { visibility: "shared" });
    expectError(await admin.patch(`/api/saved-views/${view.id}`, { name: "Mine" }), 404, "not_found");
    expectError(await admin.delete(`/api/saved-views/${view.id}`), 404, "not_found");
  });

  it("400 validation_failed for a query the list does not accept", async () => {
    const view = await createView(staff);
    const res = await staff.patch(`/api/saved-views/${view.id}`, { query: { sort: "bogus" }, entityType: "contact" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(expect.arrayContaining(["body"]));
    const q = await staff.patch(`/api/saved-views/${view.id}`, { query: { sort: "bogus" } });
    expect(issuePaths(q)).toEqual(["body.query.sort"]);
  });
});

describe("DELETE /api/saved-views/:id", () => {
  it("204 the owner deletes; the view is gone for everyone", async () => {
    const view = await createView(staff, { visibility: "shared" });
    expect((await staff.delete(`/api/saved-views/${view.id}`)).status).toBe(204);
    expect(await viewIds(manager)).not.toContain(view.id);
    expect((await auditRows(t, { entityId: view.id, action: "saved_view.deleted" })).length).toBe(1);
  });

  it("403 forbidden for staff on a colleague's shared view; 204 for an admin", async () => {
    const view = await createView(manager, { visibility: "shared" });
    expectError(await staff.delete(`/api/saved-views/${view.id}`), 403, "forbidden");
    expect((await admin.delete(`/api/saved-views/${view.id}`)).status).toBe(204);
  });
});

describe("applying a view", () => {
  it("a shared view stores only the query: each viewer's list still applies their own visibility", async () => {
    const visibleToSales = await buildClient(t.database.db, { workspaceId: team.workspace.id, name: `Apply ${hex()}`, tags: ["apply-view"], ownerId: team.users.sales_agent.id });
    const hidden = await buildClient(t.database.db, { workspaceId: team.workspace.id, name: `Apply ${hex()}`, tags: ["apply-view"] });
    const view = await createView(admin, { visibility: "shared", query: { tag: "apply-view" } });
    const listed = (await sales.get("/api/saved-views?entityType=client")).body.data.find((v: { id: string }) => v.id === view.id);
    const res = await sales.get(`/api/clients?${new URLSearchParams(listed.query).toString()}`);
    expect(res.status).toBe(200);
    const ids = res.body.data.map((c: { id: string }) => c.id);
    expect(ids).toContain(visibleToSales.id);
    expect(ids).not.toContain(hidden.id);
  });
});

describe("view names", () => {
  it("409 already_exists on body.name when the owner already has a view of the list with that name (any case), on create and on rename", async () => {
    const name = `Hot ${hex()}`;
    const first = await staff.post("/api/saved-views", { entityType: "client", name, query: {} });
    expect(first.status).toBe(201);
    const again = await staff.post("/api/saved-views", { entityType: "client", name: ` ${name.toUpperCase()} `, query: {} });
    expectError(again, 409, "already_exists");
    expect(issuePaths(again)).toEqual(["body.name"]);
    // Another list, or another person, may use the same name.
    expect((await staff.post("/api/saved-views", { entityType: "lead", name, query: {} })).status).toBe(201);
    expect((await sales.post("/api/saved-views", { entityType: "client", name, query: {} })).status).toBe(201);
    const second = await staff.post("/api/saved-views", { entityType: "client", name: `Cold ${hex()}`, query: {} });
    const renamed = await staff.patch(`/api/saved-views/${second.body.data.id}`, { name });
    expectError(renamed, 409, "already_exists");
    expect(issuePaths(renamed)).toEqual(["body.name"]);
    // Renaming a view to its own name in another case is fine.
    expect((await staff.patch(`/api/saved-views/${first.body.data.id}`, { name: name.toLowerCase() })).status).toBe(200);
  });

  it("one 201 and one 409 already_exists on body.name when the same person saves two views with the same name in another case at once", async () => {
    const name = `Race ${hex()}`;
    const [a, b] = await Promise.all([
      staff.post("/api/saved-views", { entityType: "client", name, query: {} }),
      staff.post("/api/saved-views", { entityType: "client", name: name.toUpperCase(), query: {} }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expectError(refused, 409, "already_exists");
    expect(issuePaths(refused)).toEqual(["body.name"]);
    const names = (await staff.get("/api/saved-views?entityType=client")).body.data.map((v: { name: string }) => v.name.toLowerCase());
    expect(names.filter((n: string) => n === name.toLowerCase())).toHaveLength(1);
  });

  it("409 already_exists on body.name when an admin renames a colleague's shared view to the name of that colleague's personal view (which the admin cannot see)", async () => {
    const name = `Mine ${hex()}`;
    await createView(staff, { name, visibility: "personal" });
    const shared = await createView(staff, { name: `Team ${hex()}`, visibility: "shared" });
    const renamed = await admin.patch(`/api/saved-views/${shared.id}`, { name });
    expectError(renamed, 409, "already_exists");
    expect(issuePaths(renamed)).toEqual(["body.name"]);
  });
});
