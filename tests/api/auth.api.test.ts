import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ROLE_PERMISSIONS } from "../../shared/constants/roles";
import { MeResponse, SessionResponse } from "../../shared/contracts/auth";
import { buildClient, buildTeam, buildUser } from "../factories";
import { type ApiClient, anonymous, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import {
  auditRows,
  expectError,
  issuePaths,
  issueToken,
  deliveredTextTo,
  outboxTo,
  replayCookie,
  SESSION_COOKIE,
  STRONG_PASSWORD,
  sessionCookieValue,
  sessionRows,
  setCookies,
  tokenFromEmail,
} from "./support/helpers";

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  admin = await loginAs(t, team.users.admin);
});
afterAll(async () => {
  await t?.close();
});

const uniqueEmail = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}@example.test`;
const newUser = (overrides: Parameters<typeof buildUser>[1] = {}) => buildUser(t.database.db, { workspaceId: team.workspace.id, ...overrides });

/** The error envelope without its per-request id, for comparing two failures. */
const withoutRequestId = (body: { error: Record<string, unknown> }) => ({ ...body.error, requestId: undefined });

/** Invites through the API and returns the token from the captured invitation email. */
async function inviteAndGetToken(body: { email: string; name: string; role: string; clientId?: string }): Promise<string> {
  const res = await admin.post("/api/users/invitations", body);
  expect(res.status).toBe(201);
  await t.drainJobs();
  const [mail] = await outboxTo(admin, body.email);
  expect(mail?.template).toBe("user.invite");
  return tokenFromEmail(mail!.text, "/accept-invite");
}

/** Requests a reset through the API and returns the token from the captured email. */
async function resetTokenFor(email: string): Promise<string> {
  const res = await anonymous(t).post("/api/auth/forgot-password", { email });
  expect(res.status).toBe(202);
  await t.drainJobs();
  const [mail] = await outboxTo(admin, email);
  expect(mail?.template).toBe("user.password_reset");
  return tokenFromEmail(await deliveredTextTo(t, email), "/reset-password");
}

describe("POST /api/auth/login", () => {
  it("200 with the MeResponse (user, the role's permissions, workspace, CSRF token) and a session cookie", async () => {
    const manager = await newUser({ role: "manager" });
    const client = anonymous(t);
    const res = await client.post("/api/auth/login", { email: manager.email, password: manager.password });
    expect(res.status).toBe(200);
    const me = MeResponse.parse(res.body);
    expect(me.user).toEqual({ id: manager.id, email: manager.email, name: manager.name, role: "manager", clientId: null });
    expect([...me.permissions].sort()).toEqual([...DEFAULT_ROLE_PERMISSIONS.manager].sort());
    expect(me.workspace).toMatchObject({ id: team.workspace.id, name: team.workspace.name, abilities: { update: false } });
    expect(sessionCookieValue(res)).toBeTruthy();
    // The cookie now authenticates, and /me hands out the same CSRF token.
    const again = await client.get("/api/auth/me");
    expect(again.status).toBe(200);
    expect(again.body.csrfToken).toBe(me.csrfToken);
    expect((await auditRows(t, { entityId: manager.id, action: "auth.login" })).length).toBe(1);
  });

  it("200 whatever the case of the email", async () => {
    const user = await newUser();
    const res = await anonymous(t).post("/api/auth/login", { email: user.email.toUpperCase(), password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
  });

  // Known server bug: passport-local reads the raw req.body, not the parsed (trimmed, lower-cased) input.
  it("200 with spaces around the email, which the contract trims before passport reads it", async () => {
    const user = await newUser();
    const res = await anonymous(t).post("/api/auth/login", { email: `  ${user.email} `, password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
  });

  it("401 invalid_credentials with an identical body for a wrong password, a deactivated and an invited user", async () => {
    const active = await newUser();
    const deactivated = await newUser({ status: "deactivated" });
    const invited = await newUser({ status: "invited" });
    const attempts = [
      { email: active.email, password: "Wrong-password-123" },
      { email: deactivated.email, password: deactivated.password },
      { email: invited.email, password: invited.password },
    ];
    const bodies = [];
    for (const attempt of attempts) {
      const res = await anonymous(t).post("/api/auth/login", attempt);
      expectError(res, 401, "invalid_credentials");
      expect(sessionCookieValue(res)).toBeUndefined();
      bodies.push(withoutRequestId(res.body));
    }
    expect(bodies).toEqual(Array(attempts.length).fill({ code: "invalid_credentials", message: "The email or password is not correct.", requestId: undefined }));
  });

  // Known server bug: migration 0000 makes activity_logs.workspace_id NOT NULL, so auditing a failed
  // sign-in for an unknown email (workspace null) throws 23502 → 422, which also reveals the email is unknown.
  it("401 invalid_credentials for an unknown email, with the same body as a wrong password", async () => {
    const active = await newUser();
    const unknown = await anonymous(t).post("/api/auth/login", { email: uniqueEmail("nobody"), password: active.password });
    const wrong = await anonymous(t).post("/api/auth/login", { email: active.email, password: "Wrong-password-123" });
    expectError(unknown, 401, "invalid_credentials");
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
  });

  it("400 validation_failed listing every field issue (body.email and body.password)", async () => {
    const res = await anonymous(t).post("/api/auth/login", { email: "not-an-email", password: "" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.email", "body.password"]);
    const empty = await anonymous(t).post("/api/auth/login", {});
    expect(issuePaths(empty)).toEqual(["body.email", "body.password"]);
  });

  it("400 validation_failed when the body also sets role or workspaceId (mass assignment), and nobody is signed in", async () => {
    const user = await newUser();
    const other = await buildTeam(t.database.db);
    const client = anonymous(t);
    const res = await client.post("/api/auth/login", { email: user.email, password: user.password, role: "admin", workspaceId: other.workspace.id });
    expectError(res, 400, "validation_failed");
    const issues = res.body.error.details.issues as { path: string; code: string; message: string }[];
    expect(issues).toEqual([expect.objectContaining({ path: "body", code: "unrecognized_keys" })]);
    expect(issues[0]!.message).toContain("role");
    expect(issues[0]!.message).toContain("workspaceId");
    expect(sessionCookieValue(res)).toBeUndefined();
    expect((await client.get("/api/auth/me")).status).toBe(401);
  });
});

describe("GET /api/auth/session", () => {
  it("200 me: null for an anonymous caller (the start-up probe is no 401), the MeResponse once signed in, null again after logout", async () => {
    const staff = await newUser({ role: "staff" });
    const client = anonymous(t);
    const before = await client.get("/api/auth/session");
    expect(before.status).toBe(200);
    expect(SessionResponse.parse(before.body)).toEqual({ me: null });
    await client.login(staff.email, staff.password);
    const signedIn = await client.get("/api/auth/session");
    expect(signedIn.status).toBe(200);
    const { me } = SessionResponse.parse(signedIn.body);
    expect(me?.user.id).toBe(staff.id);
    expect(me?.csrfToken).toBe(client.csrfToken);
    expect(me).toEqual((await client.get("/api/auth/me")).body);
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect(SessionResponse.parse((await client.get("/api/auth/session")).body)).toEqual({ me: null });
  });
});

describe("POST /api/auth/logout", () => {
  it("204, clears the cookie, revokes the session row, and the old cookie gets 401 on /api/auth/me from a fresh agent", async () => {
    const user = await newUser();
    const client = await loginAs(t, user);
    const stolen = client.cookieHeader();
    expect((await replayCookie(t, stolen)).status).toBe(200);

    const res = await client.post("/api/auth/logout");
    expect(res.status).toBe(204);
    const cleared = setCookies(res).find((c) => c.startsWith(`${SESSION_COOKIE}=;`));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);

    const replay = await replayCookie(t, stolen);
    expectError(replay, 401, "unauthenticated");
    const rows = await sessionRows(t, user.id);
    expect(rows.length).toBe(1);
    expect(rows[0]!.revoked_at).toBeInstanceOf(Date);
    expect((await auditRows(t, { entityId: user.id, action: "auth.logout" })).map((r) => r.actor_id)).toEqual([user.id]);
  });

  it("401 unauthenticated when not signed in", async () => {
    expectError(await anonymous(t).post("/api/auth/logout"), 401, "unauthenticated");
  });

  it("403 csrf_invalid without the CSRF token, and the session stays alive", async () => {
    const client = await loginAs(t, await newUser());
    expectError(await client.withoutCsrf().post("/api/auth/logout"), 403, "csrf_invalid");
    expect((await client.get("/api/auth/me")).status).toBe(200);
  });
});

describe("POST /api/auth/forgot-password", () => {
  it("202 for an unknown email, and no email is queued", async () => {
    const email = uniqueEmail("ghost");
    const res = await anonymous(t).post("/api/auth/forgot-password", { email });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ ok: true });
    await t.drainJobs();
    const { rows } = await t.database.pool.query("SELECT 1 FROM email_outbox WHERE to_address = $1", [email]);
    expect(rows).toHaveLength(0);
  });

  it("202 for a known email: the email carries a reset link, which the admin outbox view hides", async () => {
    const user = await newUser();
    const res = await anonymous(t).post("/api/auth/forgot-password", { email: user.email.toUpperCase() });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ ok: true });
    await t.drainJobs();
    const mails = await outboxTo(admin, user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "user.password_reset", status: "captured", subject: "Reset your Agency OS password" });
    expect(mails[0]!.text).not.toContain("reset-password?token=");
    expect(mails[0]!.html).toBeNull();
    const delivered = await deliveredTextTo(t, user.email);
    expect(tokenFromEmail(delivered, "/reset-password").length).toBeGreaterThanOrEqual(40);
    expect(delivered).toContain("http://app.test/reset-password?token=");
  });

  it("202 for a deactivated user, and no email is queued", async () => {
    const user = await newUser({ status: "deactivated" });
    expect((await anonymous(t).post("/api/auth/forgot-password", { email: user.email })).status).toBe(202);
    await t.drainJobs();
    expect(await outboxTo(admin, user.email)).toHaveLength(0);
  });

  it("400 validation_failed for a malformed email (body.email)", async () => {
    const res = await anonymous(t).post("/api/auth/forgot-password", { email: "nope" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.email"]);
  });
});

describe("POST /api/auth/reset-password", () => {
  it("200: the new password works, the old one no longer does, and every session of the user ends", async () => {
    const user = await newUser();
    const [first, second] = [await loginAs(t, user), await loginAs(t, user)];
    const token = await resetTokenFor(user.email);

    const res = await anonymous(t).post("/api/auth/reset-password", { token, password: STRONG_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });

    expect((await first.get("/api/auth/me")).status).toBe(401);
    expect((await second.get("/api/auth/me")).status).toBe(401);
    expect((await sessionRows(t, user.id)).every((s) => s.revoked_at !== null)).toBe(true);
    expectError(await anonymous(t).post("/api/auth/login", { email: user.email, password: user.password }), 401, "invalid_credentials");
    expect((await anonymous(t).post("/api/auth/login", { email: user.email, password: STRONG_PASSWORD })).status).toBe(200);
  });

  it("410 token_invalid when the link is used a second time, and the password stays the first choice", async () => {
    const user = await newUser();
    const token = await resetTokenFor(user.email);
    expect((await anonymous(t).post("/api/auth/reset-password", { token, password: STRONG_PASSWORD })).status).toBe(200);
    expectError(await anonymous(t).post("/api/auth/reset-password", { token, password: "Another-strong-pass-77" }), 410, "token_invalid");
    expect((await anonymous(t).post("/api/auth/login", { email: user.email, password: STRONG_PASSWORD })).status).toBe(200);
  });

  it("410 token_invalid for an unknown token, an expired token, and a link replaced by a newer one", async () => {
    const user = await newUser();
    expectError(await anonymous(t).post("/api/auth/reset-password", { token: "x".repeat(43), password: STRONG_PASSWORD }), 410, "token_invalid");
    const expired = await issueToken(t, user, "password_reset", -60_000);
    expectError(await anonymous(t).post("/api/auth/reset-password", { token: expired, password: STRONG_PASSWORD }), 410, "token_invalid");
    const older = await resetTokenFor(user.email);
    const newer = await issueToken(t, user, "password_reset");
    expectError(await anonymous(t).post("/api/auth/reset-password", { token: older, password: STRONG_PASSWORD }), 410, "token_invalid");
    expect((await anonymous(t).post("/api/auth/reset-password", { token: newer, password: STRONG_PASSWORD })).status).toBe(200);
  });

  it("400 weak_password for common passwords (password123, qwerty123), and the link still works afterwards", async () => {
    const user = await newUser();
    const token = await resetTokenFor(user.email);
    for (const password of ["password123", "Qwerty123"]) {
      const res = await anonymous(t).post("/api/auth/reset-password", { token, password });
      expectError(res, 400, "weak_password");
      expect(issuePaths(res)).toEqual(["body.password"]);
    }
    expect((await anonymous(t).post("/api/auth/reset-password", { token, password: STRONG_PASSWORD })).status).toBe(200);
  });

  it("400 validation_failed for a 7-character password (body.password)", async () => {
    const user = await newUser();
    const token = await issueToken(t, user, "password_reset");
    const res = await anonymous(t).post("/api/auth/reset-password", { token, password: "Ab3$efg" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.password"]);
  });
});

describe("POST /api/users/invitations (the invitation email)", () => {
  it("201 creates an invited user and the outbox holds an accept-invite link", async () => {
    const email = uniqueEmail("invitee");
    const res = await admin.post("/api/users/invitations", { email, name: "New Person", role: "staff" });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ email, name: "New Person", role: "staff", status: "invited", clientId: null });
    await t.drainJobs();
    const [mail] = await outboxTo(admin, email);
    expect(mail).toMatchObject({ template: "user.invite", status: "captured" });
    expect(mail!.subject).toContain(team.workspace.name);
    expect(mail!.text).toContain("http://app.test/accept-invite?token=");
  });

  it("409 already_exists for an email that already has an account, in any case", async () => {
    const existing = await newUser();
    const res = await admin.post("/api/users/invitations", { email: existing.email.toUpperCase(), name: "Dup", role: "staff" });
    expectError(res, 409, "already_exists");
    // Another workspace's account counts too: emails are unique across the deployment.
    const elsewhere = await buildUser(t.database.db);
    expectError(await admin.post("/api/users/invitations", { email: elsewhere.email, name: "Dup", role: "staff" }), 409, "already_exists");
  });

  it("400 validation_failed with body.clientId when a client invitation has no clientId", async () => {
    const email = uniqueEmail("portal");
    const res = await admin.post("/api/users/invitations", { email, name: "Portal Person", role: "client" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.clientId"]);
    expect((await admin.get(`/api/users?q=${encodeURIComponent(email)}`)).body.data).toHaveLength(0);
  });

  it("400 validation_failed with body.clientId when the client belongs to another workspace", async () => {
    const foreignClient = await buildClient(t.database.db);
    const email = uniqueEmail("portal");
    const res = await admin.post("/api/users/invitations", { email, name: "Portal Person", role: "client", clientId: foreignClient.id });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.clientId"]);
    expect((await admin.get(`/api/users?q=${encodeURIComponent(email)}`)).body.data).toHaveLength(0);
  });

  it("201 for a portal client bound to a client of this workspace", async () => {
    const res = await admin.post("/api/users/invitations", { email: uniqueEmail("portal"), name: "Portal Person", role: "client", clientId: team.client.id });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ role: "client", clientId: team.client.id, clientName: team.client.name, status: "invited" });
  });
});

describe("GET /api/auth/invitations/preview", () => {
  it("200 shows the invitee's email, name and the workspace name", async () => {
    const email = uniqueEmail("preview");
    const token = await inviteAndGetToken({ email, name: "Preview Person", role: "staff" });
    const res = await anonymous(t).get(`/api/auth/invitations/preview?token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ email, name: "Preview Person", workspaceName: team.workspace.name });
  });

  it("410 token_invalid for an unknown token", async () => {
    expectError(await anonymous(t).get(`/api/auth/invitations/preview?token=${"y".repeat(43)}`), 410, "token_invalid");
  });

  it("400 validation_failed without a token (query.token)", async () => {
    const res = await anonymous(t).get("/api/auth/invitations/preview");
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["query.token"]);
  });
});

describe("POST /api/auth/invitations/accept", () => {
  it("200 signs the invitee in as an active user with the chosen name, and the link then stops working (410)", async () => {
    const email = uniqueEmail("accept");
    const token = await inviteAndGetToken({ email, name: "Invited Name", role: "sales_agent" });
    const client = anonymous(t);
    const res = await client.post("/api/auth/invitations/accept", { token, password: STRONG_PASSWORD, name: "Chosen Name" });
    expect(res.status).toBe(200);
    const me = MeResponse.parse(res.body);
    expect(me.user).toMatchObject({ email, name: "Chosen Name", role: "sales_agent" });
    expect(sessionCookieValue(res)).toBeTruthy();

    const meAgain = await client.get("/api/auth/me");
    expect(meAgain.status).toBe(200);
    expect(meAgain.body.user.id).toBe(me.user.id);
    const asAdmin = await admin.get(`/api/users/${me.user.id}`);
    expect(asAdmin.body.data).toMatchObject({ status: "active", name: "Chosen Name" });
    expect(asAdmin.body.data.lastLoginAt).not.toBeNull();

    expectError(await anonymous(t).post("/api/auth/invitations/accept", { token, password: "Other-strong-pass-11" }), 410, "token_invalid");
    expectError(await anonymous(t).get(`/api/auth/invitations/preview?token=${encodeURIComponent(token)}`), 410, "token_invalid");
    expect((await anonymous(t).post("/api/auth/login", { email, password: STRONG_PASSWORD })).status).toBe(200);
    const audit = await auditRows(t, { entityId: me.user.id, action: "user.invite_accepted" });
    expect(audit.map((a) => a.changes)).toEqual([{ name: { from: "Invited Name", to: "Chosen Name" } }]);
  });

  it("400 validation_failed for a 7-character password (body.password), and the link still works", async () => {
    const email = uniqueEmail("short");
    const token = await inviteAndGetToken({ email, name: "Short Pass", role: "staff" });
    const res = await anonymous(t).post("/api/auth/invitations/accept", { token, password: "Ab3$efg" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.password"]);
    expect((await anonymous(t).get(`/api/auth/invitations/preview?token=${encodeURIComponent(token)}`)).status).toBe(200);
  });

  it("400 weak_password for a common password, and the user stays invited", async () => {
    const email = uniqueEmail("weak");
    const token = await inviteAndGetToken({ email, name: "Weak Pass", role: "staff" });
    const res = await anonymous(t).post("/api/auth/invitations/accept", { token, password: "password123" });
    expectError(res, 400, "weak_password");
    const list = await admin.get(`/api/users?q=${encodeURIComponent(email)}`);
    expect(list.body.data.map((u: { status: string }) => u.status)).toEqual(["invited"]);
  });

  it("410 token_invalid for an unknown token", async () => {
    expectError(await anonymous(t).post("/api/auth/invitations/accept", { token: "z".repeat(43), password: STRONG_PASSWORD }), 410, "token_invalid");
  });
});
