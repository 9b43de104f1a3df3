import { setTimeout as delay } from "node:timers/promises";
import type { SessionData } from "express-session";
import type { Response } from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionHandle } from "../../server/auth/tokens";
import { buildTeam, buildUser, FACTORY_PASSWORD, type FactoryUser } from "../factories";
import { ApiClient, anonymous, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import {
  auditRows,
  expectError,
  issuePaths,
  replayCookie,
  SESSION_COOKIE,
  STRONG_PASSWORD,
  sessionCookieValue,
  sessionRows,
  setCookies,
  sidOf,
} from "./support/helpers";

// The main app: a 1-hour absolute session lifetime (1-day idle timeout) and login backoff after 2 consecutive failures.
let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;

beforeAll(async () => {
  t = await createTestApp({ SESSION_ABSOLUTE_HOURS: "1", SESSION_IDLE_MINUTES: "1440", LOGIN_BACKOFF_AFTER: "2" });
  team = await buildTeam(t.database.db);
  admin = await loginAs(t, team.users.admin);
});
afterAll(async () => {
  await t?.close();
});

const newUser = (overrides: Parameters<typeof buildUser>[1] = {}) => buildUser(t.database.db, { workspaceId: team.workspace.id, ...overrides });

/** Signs in on a new client with a given User-Agent. */
async function loginWithAgent(app: TestApp, user: FactoryUser, userAgent: string): Promise<ApiClient> {
  const client = new ApiClient(app);
  const res = await client.agent.post("/api/auth/login").set("User-Agent", userAgent).send({ email: user.email, password: user.password });
  expect(res.status).toBe(200);
  client.csrfToken = res.body.csrfToken;
  return client;
}

function expectSecurityHeaders(res: Response): void {
  const csp = String(res.headers["content-security-policy"]);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(res.headers["x-frame-options"]).toBe("DENY");
  expect(res.headers["x-powered-by"]).toBeUndefined();
  // HSTS only in production.
  expect(res.headers["strict-transport-security"]).toBeUndefined();
}

/** Waits until some query of this test database is blocked on a lock. */
async function waitForLockWait(app: TestApp): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await app.database.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (rows[0]!.n > 0) return;
    await delay(10);
  }
  throw new Error("no request reached the lock");
}

describe("POST /api/auth/login (session identity)", () => {
  it("200 with a new session id at every login: two successive logins of one agent get different cookies, and the first is refused", async () => {
    const user = await newUser();
    const client = anonymous(t);
    const first = await client.post("/api/auth/login", { email: user.email, password: user.password });
    expect(first.status).toBe(200);
    const firstCookie = sessionCookieValue(first)!;
    client.csrfToken = first.body.csrfToken;

    const second = await client.post("/api/auth/login", { email: user.email, password: user.password });
    expect(second.status).toBe(200);
    const secondCookie = sessionCookieValue(second)!;
    expect(firstCookie).toBeTruthy();
    expect(secondCookie).toBeTruthy();
    expect(secondCookie).not.toBe(firstCookie);
    // The CSRF token is bound to the session id, so it rotates too.
    expect(second.body.csrfToken).not.toBe(first.body.csrfToken);

    expectError(await replayCookie(t, `${SESSION_COOKIE}=${firstCookie}`), 401, "unauthenticated");
    expect((await replayCookie(t, `${SESSION_COOKIE}=${secondCookie}`)).status).toBe(200);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, Path=/ and (outside production) not Secure", async () => {
    const user = await newUser();
    const res = await anonymous(t).post("/api/auth/login", { email: user.email, password: user.password });
    const line = setCookies(res).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    const attrs = line.split(";").map((a) => a.trim());
    expect(attrs).toContain("HttpOnly");
    expect(attrs).toContain("SameSite=Lax");
    expect(attrs).toContain("Path=/");
    expect(attrs.some((a) => a.toLowerCase() === "secure")).toBe(false);
  });
});

describe("POST /api/auth/logout (revocation)", () => {
  it("401 for a logged-out cookie replayed from another agent", async () => {
    const client = await loginAs(t, await newUser());
    const cookie = client.cookieHeader();
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expectError(await replayCookie(t, cookie), 401, "unauthenticated");
    expectError(await replayCookie(t, cookie, "/api/profile/sessions"), 401, "unauthenticated");
  });

  it("a request in flight during logout does not resurrect the session", async () => {
    const user = await newUser();
    const client = await loginAs(t, user);
    const cookie = client.cookieHeader();
    const sid = sidOf(client);

    // Hold the users table so GET /api/users is authorized, then blocks mid-request.
    const locker = await t.database.pool.connect();
    let inFlight: Promise<Response> | undefined;
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
      inFlight = client.get("/api/users").then((r) => r);
      await waitForLockWait(t);
      expect((await client.post("/api/auth/logout")).status).toBe(204);
    } finally {
      await locker.query("COMMIT");
      locker.release();
    }
    const slow = await inFlight!;
    expect(slow.status).toBe(200);

    // Whatever the finished request writes back (express-session saves or touches at the end), the row stays revoked.
    const stale = { cookie: { originalMaxAge: 1_800_000, expires: new Date(Date.now() + 1_800_000), httpOnly: true, path: "/" }, passport: { user: user.id }, loginAt: Date.now() };
    await new Promise<void>((resolve, reject) => t.ctx.sessionStore.set(sid, stale as unknown as SessionData, (err) => (err ? reject(err) : resolve())));
    await new Promise<void>((resolve, reject) => t.ctx.sessionStore.touch(sid, stale as unknown as SessionData, (err) => (err ? reject(err) : resolve())));

    expectError(await replayCookie(t, cookie), 401, "unauthenticated");
    expectError(await client.get("/api/auth/me"), 401, "unauthenticated");
    const [row] = await sessionRows(t, user.id);
    expect(row!.sid).toBe(sid);
    expect(row!.revoked_at).toBeInstanceOf(Date);
    expect(row!.sess).toEqual({});
  });
});

describe("CSRF protection (PATCH /api/profile)", () => {
  it("403 csrf_invalid for a signed-in request without X-CSRF-Token, and nothing changes", async () => {
    const user = await newUser({ name: "Before Csrf" });
    const client = await loginAs(t, user);
    const res = await client.agent.patch("/api/profile").send({ name: "Forged Name" });
    expectError(res, 403, "csrf_invalid");
    expect((await client.get("/api/auth/me")).body.user.name).toBe("Before Csrf");
  });

  it("403 csrf_invalid with a wrong token and with another session's valid token", async () => {
    const user = await newUser({ name: "Before Csrf" });
    const client = await loginAs(t, user);
    const other = await loginAs(t, await newUser());
    expectError(await client.agent.patch("/api/profile").set("X-CSRF-Token", "wrong-token").send({ name: "Forged" }), 403, "csrf_invalid");
    expectError(await client.agent.patch("/api/profile").set("X-CSRF-Token", other.csrfToken!).send({ name: "Forged" }), 403, "csrf_invalid");
    expect((await client.get("/api/auth/me")).body.user.name).toBe("Before Csrf");
  });

  it("200 with the session's own token, and the change is applied", async () => {
    const client = await loginAs(t, await newUser());
    const res = await client.agent.patch("/api/profile").set("X-CSRF-Token", client.csrfToken!).send({ name: "Changed With Token" });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe("Changed With Token");
    expect((await client.get("/api/auth/me")).body.user.name).toBe("Changed With Token");
  });

  it("anonymous public endpoints (login, forgot-password) and signed-in GETs need no token", async () => {
    const user = await newUser();
    const anon = anonymous(t);
    expect((await anon.agent.post("/api/auth/forgot-password").send({ email: user.email })).status).toBe(202);
    expect((await anon.agent.post("/api/auth/login").send({ email: user.email, password: user.password })).status).toBe(200);
    expect((await anon.agent.get("/api/profile/sessions")).status).toBe(200);
  });
});

describe("security headers", () => {
  it("on a JSON 200, a JSON 404 route_not_found, error responses and the health probe", async () => {
    const ok = await admin.get("/api/auth/me");
    expect(ok.status).toBe(200);
    expectSecurityHeaders(ok);

    const missing = await anonymous(t).get("/api/does-not-exist");
    expectError(missing, 404, "route_not_found");
    expect(missing.headers["content-type"]).toMatch(/application\/json/);
    expectSecurityHeaders(missing);

    const unauth = await anonymous(t).get("/api/users");
    expectError(unauth, 401, "unauthenticated");
    expectSecurityHeaders(unauth);

    const badJson = await anonymous(t).agent.post("/api/auth/login").set("Content-Type", "application/json").send('{"email": ');
    expectError(badJson, 400, "invalid_json");
    expectSecurityHeaders(badJson);

    expectSecurityHeaders(await anonymous(t).get("/health/live"));
  });
});

describe("request body limits", () => {
  it("400 invalid_json for a malformed JSON body", async () => {
    const res = await anonymous(t).agent.post("/api/auth/login").set("Content-Type", "application/json").send("{not json");
    expectError(res, 400, "invalid_json");
    expect(Object.keys(res.body.error).sort()).toEqual(["code", "message", "requestId"]);
  });

  it("413 payload_too_large for a JSON body over 1 MB", async () => {
    const res = await anonymous(t)
      .agent.post("/api/auth/login")
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ email: "a@example.test", password: "x".repeat(1_100_000) }));
    expectError(res, 413, "payload_too_large");
  });
});

describe("per-account login throttling", () => {
  let th: TestApp;
  beforeAll(async () => {
    th = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: "3", LOGIN_BACKOFF_AFTER: "100" });
  });
  afterAll(async () => {
    await th?.close();
  });

  it("429 too_many_login_attempts with Retry-After after 3 failures, even with the right password, while another account still signs in", async () => {
    const ws = await buildTeam(th.database.db);
    const victim = await buildUser(th.database.db, { workspaceId: ws.workspace.id });
    for (let i = 0; i < 3; i++) {
      expectError(await anonymous(th).post("/api/auth/login", { email: victim.email, password: `Wrong-pass-${i}-xyz` }), 401, "invalid_credentials");
    }
    const blocked = await anonymous(th).post("/api/auth/login", { email: victim.email, password: victim.password });
    expectError(blocked, 429, "too_many_login_attempts");
    const retryAfter = Number(blocked.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(blocked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(sessionCookieValue(blocked)).toBeUndefined();
    // The same account in another case is the same account.
    expectError(await anonymous(th).post("/api/auth/login", { email: victim.email.toUpperCase(), password: victim.password }), 429, "too_many_login_attempts");
    expect((await anonymous(th).post("/api/auth/login", { email: ws.users.staff.email, password: ws.users.staff.password })).status).toBe(200);
  });
});

describe("login backoff", () => {
  it("429 too_many_login_attempts with Retry-After ≥ 1 right after 2 consecutive failures, then 200 once it has passed", async () => {
    const user = await newUser();
    for (let i = 0; i < 2; i++) {
      expectError(await anonymous(t).post("/api/auth/login", { email: user.email, password: `Wrong-pass-${i}-xyz` }), 401, "invalid_credentials");
    }
    const blocked = await anonymous(t).post("/api/auth/login", { email: user.email, password: user.password });
    expectError(blocked, 429, "too_many_login_attempts");
    const retryAfter = Number(blocked.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    await delay(retryAfter * 1000 + 150);
    expect((await anonymous(t).post("/api/auth/login", { email: user.email, password: user.password })).status).toBe(200);
  });
});

describe("sensitive per-IP rate limit", () => {
  let ts: TestApp;
  beforeAll(async () => {
    ts = await createTestApp({ RATE_LIMIT_SENSITIVE_MAX: "3" });
  });
  afterAll(async () => {
    await ts?.close();
  });

  it("429 rate_limited with Retry-After on the 4th credential request from one IP, and a forged X-Forwarded-For does not reset it", async () => {
    const user = await buildUser(ts.database.db);
    expect((await anonymous(ts).post("/api/auth/login", { email: user.email, password: user.password })).status).toBe(200);
    expect((await anonymous(ts).post("/api/auth/login", { email: user.email, password: "Wrong-pass-xyz-1" })).status).toBe(401);
    expect((await anonymous(ts).post("/api/auth/forgot-password", { email: user.email })).status).toBe(202);

    const limited = await anonymous(ts).post("/api/auth/login", { email: user.email, password: user.password });
    expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);

    const forged = await anonymous(ts).agent.post("/api/auth/login").set("X-Forwarded-For", "203.0.113.77").send({ email: user.email, password: user.password });
    expectError(forged, 429, "rate_limited");
    expectError(await anonymous(ts).post("/api/auth/reset-password", { token: "t".repeat(43), password: STRONG_PASSWORD }), 429, "rate_limited");
    // Only credential endpoints share this limit.
    expectError(await anonymous(ts).get("/api/auth/me"), 401, "unauthenticated");
  });
});

describe("anonymous per-IP rate limit", () => {
  let ta: TestApp;
  beforeAll(async () => {
    ta = await createTestApp({ RATE_LIMIT_ANON_MAX: "5" });
  });
  afterAll(async () => {
    await ta?.close();
  });

  it("429 rate_limited with Retry-After past the anonymous limit, despite a forged X-Forwarded-For, while signed-in users carry on", async () => {
    const user = await buildUser(ta.database.db);
    const signedIn = await loginAs(ta, user); // anonymous request 1
    for (let i = 0; i < 4; i++) expectError(await anonymous(ta).get("/api/auth/me"), 401, "unauthenticated");
    const limited = await anonymous(ta).get("/api/auth/me");
    expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expectError(await anonymous(ta).agent.get("/api/auth/me").set("X-Forwarded-For", "198.51.100.23"), 429, "rate_limited");
    expectError(await anonymous(ta).post("/api/auth/login", { email: user.email, password: user.password }), 429, "rate_limited");
    expect((await signedIn.get("/api/auth/me")).status).toBe(200);
    // Probes are outside /api and never limited.
    expect((await anonymous(ta).get("/health/live")).status).toBe(200);
  });
});

describe("account changes apply on the next request", () => {
  it("401 on the next request after an admin deactivates the user", async () => {
    const user = await newUser();
    const client = await loginAs(t, user);
    expect((await client.get("/api/users")).status).toBe(200);
    expect((await admin.post(`/api/users/${user.id}/deactivate`)).status).toBe(200);
    expectError(await client.get("/api/users"), 401, "unauthenticated");
    expect((await sessionRows(t, user.id)).every((s) => s.revoked_at !== null)).toBe(true);
  });

  it("a staff user promoted to manager can read the audit log on the very next request", async () => {
    const user = await newUser({ role: "staff" });
    const client = await loginAs(t, user);
    expectError(await client.get("/api/audit-log"), 403, "forbidden");
    expect((await admin.patch(`/api/users/${user.id}`, { role: "manager" })).status).toBe(200);
    expect((await client.get("/api/audit-log")).status).toBe(200);
    const me = await client.get("/api/auth/me");
    expect(me.body.user.role).toBe("manager");
    expect(me.body.permissions).toContain("audit.read");
  });
});

describe("absolute session lifetime", () => {
  // The clock moves instead of the row: session reads may be served from a cache, and the absolute
  // lifetime must hold whatever the storage. (The idle timeout is set to a day so only the absolute one applies.)
  async function at<T>(offsetMs: number, fn: () => Promise<T>): Promise<T> {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + offsetMs);
    try {
      return await fn();
    } finally {
      vi.useRealTimers();
    }
  }

  it("200 for a session signed in 30 minutes ago, 401 session_expired once it passes 1 hour, then 401 unauthenticated", async () => {
    const user = await newUser();
    const client = await loginAs(t, user);
    expect((await at(30 * 60_000, () => client.get("/api/auth/me"))).status).toBe(200);
    expectError(await at(2 * 3_600_000, () => client.get("/api/auth/me")), 401, "session_expired");
    expectError(await at(2 * 3_600_000, () => client.get("/api/auth/me")), 401, "unauthenticated");
    const [row] = await sessionRows(t, user.id);
    expect(row!.revoked_at).toBeInstanceOf(Date);
  });

});

describe("GET /api/profile/sessions", () => {
  it("200 lists the user's own live sessions with the current one marked, and nobody else's", async () => {
    const user = await newUser();
    const a = await loginWithAgent(t, user, "Browser A/1.0");
    const b = await loginWithAgent(t, user, "Browser B/2.0");
    await loginAs(t, await newUser());
    const res = await a.get("/api/profile/sessions");
    expect(res.status).toBe(200);
    const sessions = res.body.data as { id: string; current: boolean; userAgent: string; ip: string; createdAt: string; expiresAt: string }[];
    expect(sessions.map((s) => s.userAgent).sort()).toEqual(["Browser A/1.0", "Browser B/2.0"]);
    expect(sessions.find((s) => s.current)?.id).toBe(sessionHandle(sidOf(a)));
    expect(sessions.find((s) => !s.current)?.id).toBe(sessionHandle(sidOf(b)));
    for (const s of sessions) {
      expect(s.id).toMatch(/^[0-9a-f]{32}$/);
      expect(s.ip).toMatch(/127\.0\.0\.1/);
      expect(Date.parse(s.expiresAt)).toBeGreaterThan(Date.now());
    }
    // The handle never reveals the cookie's session id.
    expect(JSON.stringify(res.body)).not.toContain(sidOf(a));
  });
});

describe("DELETE /api/profile/sessions/:id", () => {
  it("204 ends another of the user's sessions: that client gets 401, the list shrinks, and it is audited", async () => {
    const user = await newUser();
    const a = await loginWithAgent(t, user, "Keeper");
    const b = await loginWithAgent(t, user, "Goner");
    const handle = sessionHandle(sidOf(b));
    expect((await a.delete(`/api/profile/sessions/${handle}`)).status).toBe(204);
    expectError(await b.get("/api/auth/me"), 401, "unauthenticated");
    expect((await a.get("/api/auth/me")).status).toBe(200);
    expect((await a.get("/api/profile/sessions")).body.data.map((s: { userAgent: string }) => s.userAgent)).toEqual(["Keeper"]);
    expect((await auditRows(t, { entityId: handle, action: "profile.session_revoked" })).map((r) => r.actor_id)).toEqual([user.id]);
    // Already ended: nothing left to revoke.
    expectError(await a.delete(`/api/profile/sessions/${handle}`), 404, "not_found");
  });

  it("404 not_found for another user's session handle, which stays alive", async () => {
    const mine = await loginAs(t, await newUser());
    const theirs = await loginAs(t, await newUser());
    expectError(await mine.delete(`/api/profile/sessions/${sessionHandle(sidOf(theirs))}`), 404, "not_found");
    expect((await theirs.get("/api/auth/me")).status).toBe(200);
  });

  it("204 for the current session's own handle signs this client out", async () => {
    const client = await loginAs(t, await newUser());
    expect((await client.delete(`/api/profile/sessions/${sessionHandle(sidOf(client))}`)).status).toBe(204);
    expectError(await client.get("/api/auth/me"), 401, "unauthenticated");
  });
});

describe("POST /api/profile/password", () => {
  it("200 with endOtherSessions ends the other session but keeps the current one; only the new password signs in", async () => {
    const user = await newUser();
    const current = await loginAs(t, user);
    const other = await loginAs(t, user);
    const res = await current.post("/api/profile/password", { currentPassword: FACTORY_PASSWORD, newPassword: STRONG_PASSWORD, endOtherSessions: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect((await current.get("/api/auth/me")).status).toBe(200);
    expectError(await other.get("/api/auth/me"), 401, "unauthenticated");
    expectError(await anonymous(t).post("/api/auth/login", { email: user.email, password: FACTORY_PASSWORD }), 401, "invalid_credentials");
    expect((await anonymous(t).post("/api/auth/login", { email: user.email, password: STRONG_PASSWORD })).status).toBe(200);
    const [audit] = await auditRows(t, { entityId: user.id, action: "profile.password_changed" });
    expect(audit!.changes).toEqual({ otherSessionsEnded: 1 });
  });

  it("200 with endOtherSessions false keeps the other session", async () => {
    const user = await newUser();
    const current = await loginAs(t, user);
    const other = await loginAs(t, user);
    expect((await current.post("/api/profile/password", { currentPassword: FACTORY_PASSWORD, newPassword: STRONG_PASSWORD, endOtherSessions: false })).status).toBe(200);
    expect((await other.get("/api/auth/me")).status).toBe(200);
  });

  it("400 validation_failed (body.currentPassword) for a wrong current password, and the password is unchanged", async () => {
    const user = await newUser();
    const client = await loginAs(t, user);
    const res = await client.post("/api/profile/password", { currentPassword: "Not-my-password-1", newPassword: STRONG_PASSWORD });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.currentPassword"]);
    expect((await anonymous(t).post("/api/auth/login", { email: user.email, password: FACTORY_PASSWORD })).status).toBe(200);
  });

  it("400 weak_password (body.newPassword) for a common new password", async () => {
    const client = await loginAs(t, await newUser());
    const res = await client.post("/api/profile/password", { currentPassword: FACTORY_PASSWORD, newPassword: "qwerty123" });
    expectError(res, 400, "weak_password");
    expect(issuePaths(res)).toEqual(["body.newPassword"]);
  });
});

describe("500 internal_error", () => {
  let tb: TestApp;
  beforeAll(async () => {
    tb = await createTestApp();
  });
  afterAll(async () => {
    await tb?.close();
  });

  it("500 with only code, message and requestId: no stack trace, SQL or table names when the database fails", async () => {
    const ws = await buildTeam(tb.database.db);
    const client = await loginAs(tb, ws.users.admin);
    await tb.database.pool.query("ALTER TABLE users RENAME TO users_x");
    let res: Response;
    try {
      res = await client.get("/api/users");
    } finally {
      await tb.database.pool.query("ALTER TABLE users_x RENAME TO users");
    }
    expectError(res, 500, "internal_error");
    expect(Object.keys(res.body.error).sort()).toEqual(["code", "message", "requestId"]);
    expect(res.body.error.message).toBe("Something went wrong on our side. The error has been logged.");
    const raw = JSON.stringify(res.body);
    for (const leak of ["users_x", "relation", "select", "from", "stack", ".ts", "node_modules", "    at "]) {
      expect(raw.toLowerCase()).not.toContain(leak);
    }
    expectSecurityHeaders(res);
    // The app recovers once the table is back.
    expect((await client.get("/api/users")).status).toBe(200);
  });
});
