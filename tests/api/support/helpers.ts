import supertest, { type Response } from "supertest";
import { expect } from "vitest";
import { hashToken, newSecretToken } from "../../../server/auth/tokens";
import { replaceToken, type TokenPurpose } from "../../../server/modules/users/user-tokens.repository";
import type { ErrorCode } from "../../../shared/errors";
import type { ApiClient } from "../../setup/http-client";
import type { TestApp } from "../../setup/test-app";

/** The session cookie name outside production. */
export const SESSION_COOKIE = "aos.sid";

/** A password that passes the policy (long, not common) and differs from FACTORY_PASSWORD. */
export const STRONG_PASSWORD = "Brand-new-pass-5519!";

/** Asserts the error envelope: status, code, and a request id that matches the X-Request-Id header. */
export function expectError(res: Response, status: number, code: ErrorCode): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe("string");
  expect(res.body.error.requestId).toBe(res.headers["x-request-id"]);
}

/** The field paths listed by a validation_failed (or weak_password) error. */
export function issuePaths(res: Response): string[] {
  const issues = (res.body?.error?.details?.issues ?? []) as { path: string }[];
  return issues.map((i) => i.path).sort();
}

/** The Set-Cookie lines of a response. */
export function setCookies(res: Response): string[] {
  const raw = res.headers["set-cookie"] as string[] | string | undefined;
  if (!raw) return [];
  return Array.isArray(raw) ? raw : [raw];
}

/** The value of the session cookie set by a response (undefined when none was set). */
export function sessionCookieValue(res: Response): string | undefined {
  const line = setCookies(res).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return line?.split(";")[0]?.slice(SESSION_COOKIE.length + 1);
}

/** The express-session id inside a signed cookie value ("s:<sid>.<signature>", URL-encoded). */
export function sidFromCookieValue(value: string): string {
  const decoded = decodeURIComponent(value);
  if (!decoded.startsWith("s:")) throw new Error(`unexpected session cookie ${decoded}`);
  return decoded.slice(2, decoded.lastIndexOf("."));
}

/** The session id a client currently holds. */
export function sidOf(client: ApiClient): string {
  const pair = client
    .cookieHeader()
    .split("; ")
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!pair) throw new Error("client holds no session cookie");
  return sidFromCookieValue(pair.slice(SESSION_COOKIE.length + 1));
}

/** A request from a brand-new agent that replays a raw Cookie header (as a stolen cookie would be). */
export function replayCookie(t: TestApp, cookieHeader: string, path = "/api/auth/me") {
  return supertest(t.url).get(path).set("Cookie", cookieHeader);
}

/** Extracts the `token` query parameter of the first link to `path` in an email body. */
export function tokenFromEmail(text: string, path: "/accept-invite" | "/reset-password"): string {
  const match = new RegExp(`${path.replace("/", "\\/")}\\?token=([^\\s"&<]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in email:\n${text}`);
  return decodeURIComponent(match[1]);
}

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  template: string | null;
  status: string;
  error: string | null;
  createdAt: string;
}

/** The outbox entries to `email`, newest first, as an admin of that workspace sees them. */
export async function outboxTo(admin: ApiClient, email: string): Promise<OutboxEntry[]> {
  const res = await admin.get(`/api/admin/outbox?to=${encodeURIComponent(email)}`);
  expect(res.status).toBe(200);
  return (res.body.data as OutboxEntry[]).filter((m) => m.to === email);
}

/** The stored body of the newest email to `email` (as delivered to the recipient; the admin view hides reset links). */
export async function deliveredTextTo(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.database.pool.query<{ text_body: string }>(
    "SELECT text_body FROM email_outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1",
    [email],
  );
  if (!rows[0]) throw new Error(`no email to ${email}`);
  return rows[0].text_body;
}

/** Stores a fresh token for a user directly (for rows that need a valid invite or reset link). */
export async function issueToken(
  t: TestApp,
  user: { id: string; workspaceId: string },
  purpose: TokenPurpose,
  ttlMs = 3_600_000,
): Promise<string> {
  const token = newSecretToken();
  await replaceToken(t.database.db, {
    workspaceId: user.workspaceId,
    userId: user.id,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return token;
}

export interface AuditRow {
  id: string;
  workspace_id: string | null;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: Record<string, unknown> | null;
  request_id: string | null;
  ip: string | null;
  created_at: Date;
}

/** Audit rows about one entity (or by one action), oldest first, straight from the database. */
export async function auditRows(t: TestApp, where: { entityId?: string; action?: string; actorId?: string }): Promise<AuditRow[]> {
  const conds: string[] = [];
  const params: string[] = [];
  for (const [col, value] of [
    ["entity_id", where.entityId],
    ["action", where.action],
    ["actor_id", where.actorId],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    conds.push(`${col}::text = $${params.length}`);
  }
  const { rows } = await t.database.pool.query<AuditRow>(
    `SELECT * FROM activity_logs ${conds.length ? `WHERE ${conds.join(" AND ")}` : ""} ORDER BY id`,
    params,
  );
  return rows;
}

/** The revocation time of every session row of a user, newest first. */
export async function sessionRows(t: TestApp, userId: string): Promise<{ sid: string; revoked_at: Date | null; sess: unknown }[]> {
  const { rows } = await t.database.pool.query<{ sid: string; revoked_at: Date | null; sess: unknown }>(
    "SELECT sid, revoked_at, sess FROM session WHERE user_id = $1 ORDER BY created_at DESC",
    [userId],
  );
  return rows;
}
