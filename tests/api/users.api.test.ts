import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserDto, UserListResponse } from "../../shared/contracts/users";
import { buildClient, buildTeam, buildUser, buildWorkspace, type FactoryUser } from "../factories";
import { type ApiClient, anonymous, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { expectError, issuePaths, outboxTo, STRONG_PASSWORD, tokenFromEmail } from "./support/helpers";

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let manager: ApiClient;
let staff: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  [admin, manager, staff] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.manager), loginAs(t, team.users.staff)]);
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString("hex");
const newUser = (overrides: Parameters<typeof buildUser>[1] = {}) => buildUser(t.database.db, { workspaceId: team.workspace.id, ...overrides });

type Dto = ReturnType<typeof UserDto.parse>;

/** Walks every page of a list and returns the rows in order, checking each page's size. */
async function allPages(client: ApiClient, query: string, limit: number): Promise<Dto[]> {
  const rows: Dto[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await client.get(`/api/users?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status).toBe(200);
    const body = UserListResponse.parse(res.body);
    rows.push(...body.data);
    cursor = body.meta.nextCursor;
    if (!cursor) return rows;
    expect(body.data).toHaveLength(limit);
  }
  throw new Error("paging did not end");
}

/** Audit entries about one entity, newest first, as an admin sees them. */
async function auditFor(entityId: string, action?: string): Promise<{ action: string; actorId: string | null; changes: Record<string, unknown> | null }[]> {
  const res = await admin.get(`/api/audit-log?entityId=${entityId}${action ? `&action=${action}` : ""}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

const byKey = (key: (u: Dto) => string) => (a: Dto, b: Dto) => {
  const [ka, kb] = [key(a), key(b)];
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

describe("GET /api/users", () => {
  // A workspace of its own: an admin and seven users (two share a name, to exercise the id tie-break).
  let pagerAdmin: ApiClient;
  let members: FactoryUser[];
  let clientOfWs: { id: string };
  const tag = hex();
  beforeAll(async () => {
    const ws = await buildWorkspace(t.database.db);
    clientOfWs = await buildClient(t.database.db, { workspaceId: ws.id });
    const adminUser = await buildUser(t.database.db, { workspaceId: ws.id, role: "admin", name: "Aaron Admin", email: `aaron-${tag}@beta.test` });
    pagerAdmin = await loginAs(t, adminUser);
    const specs = [
      { name: "Pager Cy", email: `cy1-${tag}@alpha.test`, role: "staff" as const },
      { name: "Pager Ann", email: `ann-${tag}@alpha.test`, role: "manager" as const },
      { name: "Pager Dee", email: `dee-${tag}@beta.test`, role: "sales_agent" as const, status: "deactivated" as const },
      { name: "Pager Cy", email: `cy2-${tag}@beta.test`, role: "staff" as const },
      { name: "Pager Bob", email: `bob-${tag}@alpha.test`, role: "creator" as const, status: "invited" as const },
      { name: "Pager Fay", email: `fay-${tag}@beta.test`, role: "client" as const, clientId: clientOfWs.id },
      { name: "Pager Eve", email: `eve-${tag}@gamma.test`, role: "manager" as const },
    ];
    members = [adminUser];
    for (const spec of specs) members.push(await buildUser(t.database.db, { workspaceId: ws.id, ...spec }));
  });

  it("200 pages through every user by name (limit 3) with no duplicates or misses, ties broken by id", async () => {
    const rows = await allPages(pagerAdmin, "sort=name", 3);
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = members.map((m) => ({ id: m.id, name: m.name, email: m.email }) as Dto).sort(byKey((u) => u.name));
    expect(ids).toEqual(expected.map((u) => u.id));
    expect(rows.map((r) => r.name).slice(0, 4)).toEqual(["Aaron Admin", "Pager Ann", "Pager Bob", "Pager Cy"]);
  });

  it("200 sorted by email descending across pages", async () => {
    const rows = await allPages(pagerAdmin, "sort=email&order=desc", 3);
    const expected = members.map((m) => ({ id: m.id, email: m.email }) as Dto).sort(byKey((u) => u.email)).reverse();
    expect(rows.map((r) => r.email)).toEqual(expected.map((u) => u.email));
  });

  // Known server bug: the createdAt cursor is written with millisecond precision (toISOString) but the
  // column holds microseconds, so the keyset comparison re-includes or skips rows at page boundaries.
  it("200 pages by createdAt (limit 2) with every user exactly once", async () => {
    const rows = await allPages(pagerAdmin, "sort=createdAt&order=asc", 2);
    expect(rows.map((r) => r.id)).toEqual(members.map((m) => m.id));
  });

  it("200 filtered by role and by status", async () => {
    const managers = (await pagerAdmin.get("/api/users?role=manager")).body.data as Dto[];
    expect(managers.map((u) => u.name).sort()).toEqual(["Pager Ann", "Pager Eve"]);
    const deactivated = (await pagerAdmin.get("/api/users?status=deactivated")).body.data as Dto[];
    expect(deactivated.map((u) => u.name)).toEqual(["Pager Dee"]);
    const invited = (await pagerAdmin.get("/api/users?status=invited&role=creator")).body.data as Dto[];
    expect(invited.map((u) => u.name)).toEqual(["Pager Bob"]);
    const clients = (await pagerAdmin.get("/api/users?role=client")).body.data as Dto[];
    expect(clients.map((u) => [u.name, u.clientId, u.clientName])).toEqual([["Pager Fay", clientOfWs.id, expect.any(String)]]);
  });

  it("200 searched by a name fragment and by an email fragment, case-insensitively; % and _ match literally", async () => {
    const byName = (await pagerAdmin.get("/api/users?q=pAgEr%20c")).body.data as Dto[];
    expect(byName.map((u) => u.email).sort()).toEqual([`cy1-${tag}@alpha.test`, `cy2-${tag}@beta.test`]);
    const byEmail = (await pagerAdmin.get("/api/users?q=ALPHA.test")).body.data as Dto[];
    expect(byEmail.map((u) => u.name).sort()).toEqual(["Pager Ann", "Pager Bob", "Pager Cy"]);
    expect((await pagerAdmin.get("/api/users?q=%25")).body.data).toEqual([]);
    expect((await pagerAdmin.get("/api/users?q=Pager_C")).body.data).toEqual([]);
  });

  it("200 lists only the caller's workspace", async () => {
    const rows = await allPages(admin, "sort=name", 200);
    const ids = rows.map((r) => r.id);
    expect(ids).toContain(team.users.client.id);
    for (const m of members) expect(ids).not.toContain(m.id);
  });

  it("400 invalid_cursor for a cursor that is not one of ours, or one tampered with", async () => {
    const res = await pagerAdmin.get("/api/users?cursor=not-a-cursor!!");
    expectError(res, 400, "invalid_cursor");
    expect(issuePaths(res)).toEqual(["query.cursor"]);
    const wrongShape = Buffer.from(JSON.stringify(["only-one-value"])).toString("base64url");
    expectError(await pagerAdmin.get(`/api/users?cursor=${wrongShape}`), 400, "invalid_cursor");
    // Well-formed but tampered: the id is not a UUID.
    const tampered = Buffer.from(JSON.stringify(["Pager Bob", "not-a-uuid"])).toString("base64url");
    expectError(await pagerAdmin.get(`/api/users?cursor=${tampered}`), 400, "invalid_cursor");
  });

  it("400 validation_failed for limit=500 (query.limit) and for an unknown query parameter (query)", async () => {
    const tooMany = await pagerAdmin.get("/api/users?limit=500");
    expectError(tooMany, 400, "validation_failed");
    expect(issuePaths(tooMany)).toEqual(["query.limit"]);
    const unknown = await pagerAdmin.get("/api/users?workspaceId=x");
    expectError(unknown, 400, "validation_failed");
    expect(unknown.body.error.details.issues).toEqual([expect.objectContaining({ path: "query", code: "unrecognized_keys" })]);
    const badSort = await pagerAdmin.get("/api/users?sort=password&role=owner");
    expect(issuePaths(badSort)).toEqual(["query.role", "query.sort"]);
  });
});

describe("GET /api/users/:id", () => {
  it("200 with the UserDto and nothing else (no password hash or internal columns)", async () => {
    const user = await newUser({ role: "client", clientId: team.client.id });
    const res = await staff.get(`/api/users/${user.id}`);
    expect(res.status).toBe(200);
    const dto = UserDto.parse(res.body.data);
    expect(dto).toMatchObject({ id: user.id, email: user.email, name: user.name, role: "client", status: "active", clientId: team.client.id, clientName: team.client.name });
    expect(Object.keys(res.body.data).sort()).toEqual(
      ["abilities", "clientId", "clientName", "createdAt", "email", "id", "invitedAt", "lastLoginAt", "name", "role", "status"].sort(),
    );
    expect(JSON.stringify(res.body)).not.toContain("argon2");
  });

  it("404 not_found for a user of another workspace", async () => {
    const other = await buildUser(t.database.db);
    expectError(await admin.get(`/api/users/${other.id}`), 404, "not_found");
  });

  it("400 validation_failed for an id that is not a UUID (params.id)", async () => {
    const res = await admin.get("/api/users/123");
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["params.id"]);
  });
});

describe("PATCH /api/users/:id", () => {
  it("200 renames a user: persisted, and audited with the actor and from/to", async () => {
    const user = await newUser({ name: "Old Name" });
    const res = await manager.patch(`/api/users/${user.id}`, { name: "  New Name  " });
    expect(res.status).toBe(200);
    expect(res.body.data.name).toBe("New Name");
    expect((await admin.get(`/api/users/${user.id}`)).body.data.name).toBe("New Name");
    const [entry] = await auditFor(user.id);
    expect(entry).toMatchObject({ action: "user.updated", actorId: team.users.manager.id, changes: { name: { from: "Old Name", to: "New Name" } } });
  });

  it("200 with nothing changed writes no audit row", async () => {
    const user = await newUser({ name: "Same Name" });
    expect((await admin.patch(`/api/users/${user.id}`, { name: "Same Name" })).status).toBe(200);
    expect(await auditFor(user.id)).toEqual([]);
  });

  it("200 an admin changes a role, and the audit row records it", async () => {
    const user = await newUser({ role: "staff" });
    const res = await admin.patch(`/api/users/${user.id}`, { role: "manager" });
    expect(res.status).toBe(200);
    expect(res.body.data.role).toBe("manager");
    expect((await auditFor(user.id))[0]!.changes).toEqual({ role: { from: "staff", to: "manager" } });
  });

  it("403 forbidden when a manager makes someone admin, and the role is unchanged", async () => {
    const user = await newUser({ role: "staff" });
    expectError(await manager.patch(`/api/users/${user.id}`, { role: "admin" }), 403, "forbidden");
    expect((await admin.get(`/api/users/${user.id}`)).body.data.role).toBe("staff");
  });

  it("403 forbidden when anyone changes their own role (admin and manager), though they may rename themselves", async () => {
    expectError(await admin.patch(`/api/users/${team.users.admin.id}`, { role: "staff" }), 403, "forbidden");
    expectError(await manager.patch(`/api/users/${team.users.manager.id}`, { role: "staff" }), 403, "forbidden");
    expect((await admin.get(`/api/users/${team.users.manager.id}`)).body.data.role).toBe("manager");
    const rename = await manager.patch(`/api/users/${team.users.manager.id}`, { name: "Manager Renamed" });
    expect(rename.status).toBe(200);
    expect(rename.body.data.name).toBe("Manager Renamed");
  });

  it("400 validation_failed (body.clientId) when making a staff user a client without a client", async () => {
    const user = await newUser({ role: "staff" });
    const res = await admin.patch(`/api/users/${user.id}`, { role: "client" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.clientId"]);
    const foreignClient = await buildClient(t.database.db);
    const foreign = await admin.patch(`/api/users/${user.id}`, { role: "client", clientId: foreignClient.id });
    expectError(foreign, 400, "validation_failed");
    expect(issuePaths(foreign)).toEqual(["body.clientId"]);
    expect((await admin.get(`/api/users/${user.id}`)).body.data).toMatchObject({ role: "staff", clientId: null });
  });

  it("200 making a staff user a portal client of this workspace binds the client", async () => {
    const user = await newUser({ role: "staff" });
    const res = await admin.patch(`/api/users/${user.id}`, { role: "client", clientId: team.client.id });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ role: "client", clientId: team.client.id, clientName: team.client.name });
  });

  it("400 validation_failed for fields that cannot be set here (status, email, workspaceId)", async () => {
    const user = await newUser();
    const res = await admin.patch(`/api/users/${user.id}`, { status: "active", email: "x@example.test", workspaceId: team.workspace.id });
    expectError(res, 400, "validation_failed");
    expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: "body", code: "unrecognized_keys" })]);
  });

  it("404 not_found for a user of another workspace, which is left unchanged", async () => {
    const other = await buildUser(t.database.db, { name: "Foreign Name" });
    expectError(await admin.patch(`/api/users/${other.id}`, { name: "Hijacked" }), 404, "not_found");
    const { rows } = await t.database.pool.query<{ name: string }>("SELECT name FROM users WHERE id = $1", [other.id]);
    expect(rows[0]!.name).toBe("Foreign Name");
  });
});

describe("POST /api/users/:id/deactivate", () => {
  it("200 deactivates: status changes, the user's sessions end, and user.deactivated is audited with the actor", async () => {
    const user = await newUser();
    const session = await loginAs(t, user);
    const res = await manager.post(`/api/users/${user.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: "deactivated", abilities: { deactivate: false, reactivate: true } });
    expectError(await session.get("/api/auth/me"), 401, "unauthenticated");
    expectError(await anonymous(t).post("/api/auth/login", { email: user.email, password: user.password }), 401, "invalid_credentials");
    const [entry] = await auditFor(user.id, "user.deactivated");
    expect(entry).toMatchObject({
      action: "user.deactivated",
      actorId: team.users.manager.id,
      changes: { status: { from: "active", to: "deactivated" }, sessionsEnded: 1 },
    });
  });

  it("403 forbidden when deactivating oneself", async () => {
    expectError(await admin.post(`/api/users/${team.users.admin.id}/deactivate`), 403, "forbidden");
    expect((await admin.get("/api/auth/me")).status).toBe(200);
  });

  it("403 forbidden when a manager deactivates an admin, who stays active", async () => {
    const otherAdmin = await newUser({ role: "admin" });
    expectError(await manager.post(`/api/users/${otherAdmin.id}/deactivate`), 403, "forbidden");
    expect((await admin.get(`/api/users/${otherAdmin.id}`)).body.data.status).toBe("active");
  });

  it("403 forbidden for a user who is already deactivated", async () => {
    const user = await newUser({ status: "deactivated" });
    expectError(await admin.post(`/api/users/${user.id}/deactivate`), 403, "forbidden");
  });
});

describe("POST /api/users/:id/reactivate", () => {
  it("200 reactivates: status active, audited, and the user can sign in again", async () => {
    const user = await newUser({ status: "deactivated" });
    const res = await admin.post(`/api/users/${user.id}/reactivate`);
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe("active");
    expect((await auditFor(user.id))[0]).toMatchObject({
      action: "user.reactivated",
      actorId: team.users.admin.id,
      changes: { status: { from: "deactivated", to: "active" } },
    });
    expect((await anonymous(t).post("/api/auth/login", { email: user.email, password: user.password })).status).toBe(200);
  });

  it("200 returns a user who never set a password to invited", async () => {
    const user = await newUser({ status: "deactivated" });
    await t.database.pool.query("UPDATE users SET password_hash = NULL WHERE id = $1", [user.id]);
    const res = await admin.post(`/api/users/${user.id}/reactivate`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: "invited", abilities: { resendInvite: true } });
  });

  it("403 forbidden for an active user", async () => {
    const user = await newUser();
    expectError(await admin.post(`/api/users/${user.id}/reactivate`), 403, "forbidden");
  });
});

describe("POST /api/users/:id/resend-invite", () => {
  it("200 sends a new invitation email; the earlier link stops working and the new one works", async () => {
    const email = `resend-${hex()}@example.test`;
    const invited = await admin.post("/api/users/invitations", { email, name: "Resend Me", role: "staff" });
    expect(invited.status).toBe(201);
    await t.drainJobs();
    const firstToken = tokenFromEmail((await outboxTo(admin, email))[0]!.text, "/accept-invite");

    const res = await manager.post(`/api/users/${invited.body.data.id}/resend-invite`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: invited.body.data.id, status: "invited" });
    await t.drainJobs();
    const mails = await outboxTo(admin, email);
    expect(mails).toHaveLength(2);
    const secondToken = tokenFromEmail(mails[0]!.text, "/accept-invite");
    expect(secondToken).not.toBe(firstToken);
    expectError(await anonymous(t).get(`/api/auth/invitations/preview?token=${encodeURIComponent(firstToken)}`), 410, "token_invalid");
    expect((await anonymous(t).post("/api/auth/invitations/accept", { token: secondToken, password: STRONG_PASSWORD })).status).toBe(200);
    expect((await auditFor(invited.body.data.id)).map((a) => a.action)).toContain("user.invite_resent");
  });

  it("403 forbidden for a user who has already accepted (active)", async () => {
    const user = await newUser();
    const res = await admin.post(`/api/users/${user.id}/resend-invite`);
    expectError(res, 403, "forbidden");
    expect(res.body.error.message).toBe("This user has already accepted.");
    expect(await outboxTo(admin, user.email)).toEqual([]);
  });
});

describe("abilities on UserDto", () => {
  const none = { update: false, changeRole: false, deactivate: false, reactivate: false, resendInvite: false };

  it("reflect the admin: full control of others, no role change or deactivation of themselves", async () => {
    const active = await newUser();
    const invited = await newUser({ status: "invited" });
    const gone = await newUser({ status: "deactivated" });
    const ab = async (id: string) => (await admin.get(`/api/users/${id}`)).body.data.abilities;
    expect(await ab(active.id)).toEqual({ update: true, changeRole: true, deactivate: true, reactivate: false, resendInvite: false });
    expect(await ab(invited.id)).toEqual({ update: true, changeRole: true, deactivate: true, reactivate: false, resendInvite: true });
    expect(await ab(gone.id)).toEqual({ update: true, changeRole: true, deactivate: false, reactivate: true, resendInvite: false });
    expect(await ab(team.users.admin.id)).toEqual({ ...none, update: true });
  });

  it("reflect the manager: nothing on admins, full control of staff", async () => {
    const ab = async (id: string) => (await manager.get(`/api/users/${id}`)).body.data.abilities;
    expect(await ab(team.users.admin.id)).toEqual(none);
    expect(await ab(team.users.staff.id)).toEqual({ update: true, changeRole: true, deactivate: true, reactivate: false, resendInvite: false });
  });

  it("reflect staff: read-only everywhere, in the list as on each record", async () => {
    expect((await staff.get(`/api/users/${team.users.creator.id}`)).body.data.abilities).toEqual(none);
    const list = (await staff.get("/api/users?limit=200")).body.data as Dto[];
    expect(list.length).toBeGreaterThan(1);
    for (const u of list) expect(u.abilities).toEqual(none);
    const asAdmin = (await admin.get("/api/users?limit=200")).body.data as Dto[];
    expect(asAdmin.find((u) => u.id === team.users.staff.id)?.abilities.deactivate).toBe(true);
  });
});
