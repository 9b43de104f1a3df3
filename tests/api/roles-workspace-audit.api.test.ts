import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionHandle } from "../../server/auth/tokens";
import { DEFAULT_ROLE_PERMISSIONS, PERMISSION_KEYS, ROLES } from "../../shared/constants/roles";
import { AuditLogListResponse } from "../../shared/contracts/audit";
import { RolePermissionsResponse } from "../../shared/contracts/roles";
import { WorkspaceDto } from "../../shared/contracts/workspace";
import { assignClient, buildTeam, buildUser, FACTORY_PASSWORD } from "../factories";
import { type ApiClient, anonymous, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, expectError, issuePaths, issueToken, STRONG_PASSWORD, sidOf } from "./support/helpers";

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  [admin, manager] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.manager)]);
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(4).toString("hex");
const sorted = (xs: readonly string[]) => [...xs].sort();

/** A workspace of its own, with its admin signed in (for tests that change workspace-wide settings). */
async function isolatedTeam() {
  const ws = await buildTeam(t.database.db);
  return { ...ws, admin: await loginAs(t, ws.users.admin) };
}

type AuditDto = ReturnType<typeof AuditLogListResponse.parse>["data"][number];

async function auditList(client: ApiClient, query = ""): Promise<AuditDto[]> {
  const res = await client.get(`/api/audit-log?limit=200${query ? `&${query}` : ""}`);
  expect(res.status).toBe(200);
  return AuditLogListResponse.parse(res.body).data;
}

describe("GET /api/roles", () => {
  it("200 with the permission catalogue, each role's default grants, and which roles are editable", async () => {
    const res = await admin.get("/api/roles");
    expect(res.status).toBe(200);
    const body = RolePermissionsResponse.parse(res.body);
    expect(sorted(body.catalogue.map((c) => c.key))).toEqual(sorted(PERMISSION_KEYS));
    expect(body.catalogue.filter((c) => c.portalOnly).map((c) => c.key)).toEqual(["portal.access"]);
    for (const entry of body.catalogue) expect(entry.description.length).toBeGreaterThan(5);
    expect(body.roles.map((r) => r.role)).toEqual([...ROLES]);
    for (const role of ROLES) {
      const entry = body.roles.find((r) => r.role === role)!;
      expect(entry.permissions).toEqual(sorted(DEFAULT_ROLE_PERMISSIONS[role]));
      expect(entry.editable).toBe(role !== "admin" && role !== "client");
    }
    expect(body.abilities).toEqual({ manage: true });
  });

  it("200 for a manager, who may not manage roles (abilities.manage false)", async () => {
    const res = await manager.get("/api/roles");
    expect(res.status).toBe(200);
    expect(res.body.abilities).toEqual({ manage: false });
  });
});

describe("PUT /api/roles/:role/permissions", () => {
  it("409 invalid_state for the admin and the client role, whose grants stay as they were", async () => {
    expectError(await admin.put("/api/roles/admin/permissions", { permissions: ["users.read"] }), 409, "invalid_state");
    expectError(await admin.put("/api/roles/client/permissions", { permissions: [] }), 409, "invalid_state");
    const roles = (await admin.get("/api/roles")).body.roles as { role: string; permissions: string[] }[];
    expect(roles.find((r) => r.role === "admin")!.permissions).toEqual(sorted(DEFAULT_ROLE_PERMISSIONS.admin));
    expect(roles.find((r) => r.role === "client")!.permissions).toEqual(["portal.access"]);
  });

  it("400 validation_failed (body.permissions) when giving portal.access to a staff role", async () => {
    const res = await admin.put("/api/roles/staff/permissions", { permissions: ["users.read", "portal.access"] });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.permissions"]);
    expect(((await admin.get("/api/roles")).body.roles as { role: string; permissions: string[] }[]).find((r) => r.role === "staff")!.permissions).toEqual(
      sorted(DEFAULT_ROLE_PERMISSIONS.staff),
    );
  });

  it("400 validation_failed for an unknown permission key (body.permissions.1) and an unknown role (params.role)", async () => {
    const res = await admin.put("/api/roles/staff/permissions", { permissions: ["users.read", "users.delete_everything"] });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.permissions.1"]);
    const role = await admin.put("/api/roles/owner/permissions", { permissions: [] });
    expect(issuePaths(role)).toEqual(["params.role"]);
  });

  it("200 removing audit.read from managers: a signed-in manager gets 403 on the very next request, and 200 once restored", async () => {
    const ws = await isolatedTeam();
    const mgr = await loginAs(t, ws.users.manager);
    expect((await mgr.get("/api/audit-log")).status).toBe(200);

    const without = DEFAULT_ROLE_PERMISSIONS.manager.filter((p) => p !== "audit.read");
    const res = await ws.admin.put("/api/roles/manager/permissions", { permissions: without });
    expect(res.status).toBe(200);
    expect(res.body.roles.find((r: { role: string }) => r.role === "manager").permissions).toEqual(sorted(without));

    expectError(await mgr.get("/api/audit-log"), 403, "forbidden");
    expect((await mgr.get("/api/auth/me")).body.permissions).not.toContain("audit.read");
    // Other workspaces keep their own grants.
    expect((await manager.get("/api/audit-log")).status).toBe(200);

    expect((await ws.admin.put("/api/roles/manager/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.manager] })).status).toBe(200);
    expect((await mgr.get("/api/audit-log")).status).toBe(200);

    const entries = await auditList(ws.admin, "action=role.permissions_updated");
    expect(entries.map((e) => e.changes)).toEqual([
      { added: ["audit.read"], removed: [] },
      { added: [], removed: ["audit.read"] },
    ]);
    expect(entries.every((e) => e.actorId === ws.users.admin.id && e.entityId === "manager")).toBe(true);
  });

  it("200 revoking then granting clients.read (duplicates collapse) takes effect for a signed-in creator at once; they see only assigned clients", async () => {
    const ws = await isolatedTeam();
    const creator = await loginAs(t, ws.users.creator);
    const revoked = await ws.admin.put("/api/roles/creator/permissions", { permissions: ["workspace.read"] });
    expect(revoked.status).toBe(200);
    expectError(await creator.get("/api/clients"), 403, "forbidden");
    const res = await ws.admin.put("/api/roles/creator/permissions", { permissions: ["workspace.read", "clients.read", "clients.read"] });
    expect(res.status).toBe(200);
    expect(res.body.roles.find((r: { role: string }) => r.role === "creator").permissions).toEqual(["clients.read", "workspace.read"]);
    const list = await creator.get("/api/clients");
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    await assignClient(t.database.db, ws.client, ws.users.creator.id);
    expect((await creator.get("/api/clients")).body.data.map((c: { id: string }) => c.id)).toEqual([ws.client.id]);
  });
});

describe("GET /api/workspace", () => {
  it("200 with the caller's workspace and abilities (update for admin, not for manager)", async () => {
    const res = await admin.get("/api/workspace");
    expect(res.status).toBe(200);
    expect(WorkspaceDto.parse(res.body.data)).toEqual({
      id: team.workspace.id,
      name: team.workspace.name,
      timezone: "UTC",
      currency: "USD",
      brandColor: "#4f46e5",
      staffPipelineScope: "all",
      abilities: { update: true },
    });
    expect((await manager.get("/api/workspace")).body.data.abilities).toEqual({ update: false });
  });
});

describe("PATCH /api/workspace", () => {
  it("400 validation_failed listing each invalid field (name, timezone, currency, brandColor), and nothing changes", async () => {
    const ws = await isolatedTeam();
    const res = await ws.admin.patch("/api/workspace", { name: "  ", timezone: "Mars/Olympus_Mons", currency: "XYZ", brandColor: "red" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.brandColor", "body.currency", "body.name", "body.timezone"]);
    expect((await ws.admin.get("/api/workspace")).body.data).toMatchObject({ name: ws.workspace.name, timezone: "UTC", currency: "USD", brandColor: "#4f46e5" });
    expect(await auditList(ws.admin, "entityType=workspace")).toEqual([]);
  });

  it("400 validation_failed for fields that cannot be set (id)", async () => {
    const res = await admin.patch("/api/workspace", { id: team.workspace.id, name: "Sneaky" });
    expectError(res, 400, "validation_failed");
    expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: "body", code: "unrecognized_keys" })]);
  });

  it("200 updates the settings: GET and /auth/me show them at once, and an audit row holds each change from/to", async () => {
    const ws = await isolatedTeam();
    const name = `Renamed Agency ${hex()}`;
    const res = await ws.admin.patch("/api/workspace", { name, timezone: "Europe/London", currency: "EUR", brandColor: "#0F766E" });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ name, timezone: "Europe/London", currency: "EUR", brandColor: "#0F766E" });
    expect((await ws.admin.get("/api/workspace")).body.data).toMatchObject({ name, currency: "EUR" });
    expect((await ws.admin.get("/api/auth/me")).body.workspace).toMatchObject({ name, timezone: "Europe/London" });

    const [entry] = await auditList(ws.admin, "entityType=workspace");
    expect(entry).toMatchObject({
      action: "workspace.updated",
      entityId: ws.workspace.id,
      actorId: ws.users.admin.id,
      changes: {
        name: { from: ws.workspace.name, to: name },
        timezone: { from: "UTC", to: "Europe/London" },
        currency: { from: "USD", to: "EUR" },
        brandColor: { from: "#4f46e5", to: "#0F766E" },
      },
    });
    // Only what changed is recorded.
    expect((await ws.admin.patch("/api/workspace", { name, currency: "GBP" })).status).toBe(200);
    expect((await auditList(ws.admin, "entityType=workspace"))[0]!.changes).toEqual({ currency: { from: "EUR", to: "GBP" } });
  });
});

describe("GET /api/audit-log", () => {
  // A workspace of its own with a known history.
  let ws: Awaited<ReturnType<typeof isolatedTeam>>;
  let all: AuditDto[];
  beforeAll(async () => {
    ws = await isolatedTeam();
    await loginAs(t, ws.users.staff);
    await anonymous(t).post("/api/auth/login", { email: ws.users.staff.email, password: "Wrong-pass-123" });
    await ws.admin.patch(`/api/users/${ws.users.creator.id}`, { name: "Creator Renamed" });
    await ws.admin.patch("/api/workspace", { brandColor: "#123456" });
    await ws.admin.post("/api/users/invitations", { email: `audit-${hex()}@example.test`, name: "Audit Invitee", role: "staff" });
    await ws.admin.post(`/api/users/${ws.users.sales_agent.id}/deactivate`);
    all = await auditList(ws.admin);
  });

  it("200 newest first, and keyset paging (limit 2) returns every row once in the same order", async () => {
    expect(all.length).toBeGreaterThanOrEqual(7);
    const ids = all.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const times = all.map((e) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0]!.action).toBe("user.deactivated");

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await ws.admin.get(`/api/audit-log?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.status).toBe(200);
      paged.push(...res.body.data.map((e: AuditDto) => e.id));
      cursor = res.body.meta.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ids);
  });

  it("200 filtered by actorId, with the actor's name and email", async () => {
    const rows = await auditList(ws.admin, `actorId=${ws.users.staff.id}`);
    expect(rows.map((r) => r.action).sort()).toEqual(["auth.login", "auth.login_failed"]);
    expect(rows.every((r) => r.actorId === ws.users.staff.id && r.actorEmail === ws.users.staff.email && r.actorName === ws.users.staff.name)).toBe(true);
  });

  it("200 filtered by an exact action, and by the prefix auth.", async () => {
    const exact = await auditList(ws.admin, "action=auth.login");
    expect(exact.length).toBe(2);
    expect(exact.every((r) => r.action === "auth.login")).toBe(true);
    const prefix = await auditList(ws.admin, "action=auth.");
    expect(prefix.map((r) => r.action).sort()).toEqual(["auth.login", "auth.login", "auth.login_failed"]);
    expect(await auditList(ws.admin, "action=auth")).toEqual([]);
  });

  it("200 filtered by entityType", async () => {
    const rows = await auditList(ws.admin, "entityType=workspace");
    expect(rows.map((r) => r.action)).toEqual(["workspace.updated"]);
  });

  it("200 filtered by from (inclusive) and to (exclusive)", async () => {
    const pivot = all[Math.floor(all.length / 2)]!.createdAt;
    const from = await auditList(ws.admin, `from=${encodeURIComponent(pivot)}`);
    const to = await auditList(ws.admin, `to=${encodeURIComponent(pivot)}`);
    const pivotMs = Date.parse(pivot);
    expect(from.map((r) => r.id)).toEqual(all.filter((r) => Date.parse(r.createdAt) >= pivotMs).map((r) => r.id));
    expect(to.map((r) => r.id)).toEqual(all.filter((r) => Date.parse(r.createdAt) < pivotMs).map((r) => r.id));
    expect(from.length + to.length).toBe(all.length);
    expect(from.length).toBeGreaterThan(0);
    expect(to.length).toBeGreaterThan(0);
  });

  it("200 never lists another workspace's rows", async () => {
    const ids = new Set(all.map((e) => e.id));
    const elsewhere = await auditList(admin);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.some((e) => ids.has(e.id))).toBe(false);
    expect(await auditList(admin, `actorId=${ws.users.admin.id}`)).toEqual([]);
  });

  it("400 validation_failed for a malformed actorId and from (query.actorId, query.from)", async () => {
    const res = await ws.admin.get("/api/audit-log?actorId=bob&from=yesterday");
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["query.actorId", "query.from"]);
  });

  it("400 invalid_cursor for a cursor that is not one of ours", async () => {
    expectError(await ws.admin.get("/api/audit-log?cursor=garbage!"), 400, "invalid_cursor");
    const tampered = Buffer.from(JSON.stringify(["not-a-uuid"])).toString("base64url");
    expectError(await ws.admin.get(`/api/audit-log?cursor=${tampered}`), 400, "invalid_cursor");
  });
});

describe("audit trail of mutations", () => {
  it("every mutation writes an audit row carrying its request id and the caller's IP", async () => {
    const ws = await isolatedTeam();
    const target = await buildUser(t.database.db, { workspaceId: ws.workspace.id });
    const self = await buildUser(t.database.db, { workspaceId: ws.workspace.id });
    const selfClient = await loginAs(t, self);
    const selfOther = await loginAs(t, self);
    const resetUser = await buildUser(t.database.db, { workspaceId: ws.workspace.id });
    const invitee = await buildUser(t.database.db, { workspaceId: ws.workspace.id, status: "invited" });
    const logoutClient = await loginAs(t, await buildUser(t.database.db, { workspaceId: ws.workspace.id }));

    // [action, entity id, send(requestId), expected status]; links are issued just before use, since resend and
    // forgot-password replace earlier ones.
    const cases: [string, string, (id: string) => PromiseLike<{ status: number }>, number?][] = [
      ["user.updated", target.id, (id) => ws.admin.patch(`/api/users/${target.id}`, { name: "Audited Rename" }).set("X-Request-Id", id)],
      ["user.deactivated", target.id, (id) => ws.admin.post(`/api/users/${target.id}/deactivate`).set("X-Request-Id", id)],
      ["user.reactivated", target.id, (id) => ws.admin.post(`/api/users/${target.id}/reactivate`).set("X-Request-Id", id)],
      ["user.invited", "", (id) => ws.admin.post("/api/users/invitations", { email: `rid-${hex()}@example.test`, name: "Rid", role: "staff" }).set("X-Request-Id", id)],
      ["user.invite_resent", invitee.id, (id) => ws.admin.post(`/api/users/${invitee.id}/resend-invite`).set("X-Request-Id", id)],
      ["workspace.updated", ws.workspace.id, (id) => ws.admin.patch("/api/workspace", { brandColor: "#abcdef" }).set("X-Request-Id", id)],
      ["role.permissions_updated", "staff", (id) => ws.admin.put("/api/roles/staff/permissions", { permissions: ["users.read"] }).set("X-Request-Id", id)],
      ["profile.updated", self.id, (id) => selfClient.patch("/api/profile", { name: "Self Renamed" }).set("X-Request-Id", id)],
      ["profile.session_revoked", "", (id) => selfClient.delete(`/api/profile/sessions/${sessionHandle(sidOf(selfOther))}`).set("X-Request-Id", id)],
      [
        "profile.password_changed",
        self.id,
        (id) => selfClient.post("/api/profile/password", { currentPassword: FACTORY_PASSWORD, newPassword: STRONG_PASSWORD }).set("X-Request-Id", id),
      ],
      ["auth.logout", "", (id) => logoutClient.post("/api/auth/logout").set("X-Request-Id", id)],
      ["auth.login", target.id, (id) => anonymous(t).post("/api/auth/login", { email: target.email, password: target.password }).set("X-Request-Id", id)],
      ["auth.login_failed", target.id, (id) => anonymous(t).post("/api/auth/login", { email: target.email, password: "Nope-nope-123" }).set("X-Request-Id", id), 401],
      ["auth.password_reset_requested", resetUser.id, (id) => anonymous(t).post("/api/auth/forgot-password", { email: resetUser.email }).set("X-Request-Id", id)],
      [
        "auth.password_reset",
        resetUser.id,
        async (id) => anonymous(t).post("/api/auth/reset-password", { token: await issueToken(t, resetUser, "password_reset"), password: STRONG_PASSWORD }).set("X-Request-Id", id),
      ],
      [
        "user.invite_accepted",
        invitee.id,
        async (id) => anonymous(t).post("/api/auth/invitations/accept", { token: await issueToken(t, invitee, "invite"), password: STRONG_PASSWORD }).set("X-Request-Id", id),
      ],
    ];
    const problems: string[] = [];
    for (const [action, entityId, send, status] of cases) {
      const requestId = `audit-${action}-${hex()}`;
      const res = await send(requestId);
      if (status ? res.status !== status : res.status >= 400) {
        problems.push(`${action}: request answered ${res.status}`);
        continue;
      }
      const { rows } = await t.database.pool.query<{ action: string; ip: string | null; entity_id: string | null; workspace_id: string }>(
        "SELECT action, ip, entity_id, workspace_id FROM activity_logs WHERE request_id = $1",
        [requestId],
      );
      const row = rows.find((r) => r.action === action);
      if (!row) problems.push(`${action}: no audit row with request id ${requestId} (found ${rows.map((r) => r.action).join(", ") || "none"})`);
      else if (!row.ip?.includes("127.0.0.1")) problems.push(`${action}: ip ${row.ip}`);
      else if (entityId && row.entity_id !== entityId) problems.push(`${action}: entity ${row.entity_id}, expected ${entityId}`);
      else if (row.workspace_id !== ws.workspace.id) problems.push(`${action}: workspace ${row.workspace_id}`);
    }
    expect(problems).toEqual([]);
  });

  it("a failed sign-in is audited as auth.login_failed with the reason, visible in the workspace's log", async () => {
    const ws = await isolatedTeam();
    await anonymous(t).post("/api/auth/login", { email: ws.users.sales_agent.email, password: "Definitely-wrong-1" });
    const [entry] = await auditList(ws.admin, "action=auth.login_failed");
    expect(entry).toMatchObject({
      actorId: ws.users.sales_agent.id,
      entityType: "user",
      entityId: ws.users.sales_agent.id,
      changes: { email: ws.users.sales_agent.email, reason: "wrong_password" },
    });
  });

  it("audit rows never contain a password, a token or a password hash", async () => {
    const ws = await isolatedTeam();
    const secrets = [`Leaky-Wrong-Pass-${hex()}`, `Leaky-New-Pass-${hex()}`, `Leaky-Reset-Pass-${hex()}`, `Leaky-Invite-Pass-${hex()}`];
    const user = await buildUser(t.database.db, { workspaceId: ws.workspace.id });
    await anonymous(t).post("/api/auth/login", { email: user.email, password: secrets[0] });
    const client = await loginAs(t, user);
    expect((await client.post("/api/profile/password", { currentPassword: FACTORY_PASSWORD, newPassword: secrets[1] })).status).toBe(200);
    const resetToken = await issueToken(t, user, "password_reset");
    expect((await anonymous(t).post("/api/auth/reset-password", { token: resetToken, password: secrets[2] })).status).toBe(200);
    const invitee = await buildUser(t.database.db, { workspaceId: ws.workspace.id, status: "invited" });
    const inviteToken = await issueToken(t, invitee, "invite");
    expect((await anonymous(t).post("/api/auth/invitations/accept", { token: inviteToken, password: secrets[3], name: "Invitee" })).status).toBe(200);

    const rows = [...(await auditRows(t, { entityId: user.id })), ...(await auditRows(t, { entityId: invitee.id }))];
    expect(rows.map((r) => r.action).sort()).toEqual(
      ["auth.login", "auth.login_failed", "auth.password_reset", "profile.password_changed", "user.invite_accepted"].sort(),
    );
    const everything = JSON.stringify(await auditRows(t, {}));
    for (const secret of [...secrets, resetToken, inviteToken, FACTORY_PASSWORD, "$argon2"]) expect(everything).not.toContain(secret);
    // What the API shows is the same data.
    expect(JSON.stringify(await auditList(ws.admin))).not.toMatch(/Leaky-|\$argon2/);
  });
});
