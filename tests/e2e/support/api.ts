import { type Page, request } from "playwright-core";
import type { z } from "zod";
import type { OutboxListResponse, OutboxMessageDto } from "../../../shared/contracts/admin";
import type { AssignmentRuleDto, CreateAssignmentRuleBody } from "../../../shared/contracts/assignment-rules";
import type { CreateLeadFormBody, LeadFormDto } from "../../../shared/contracts/forms";
import type { CreatePipelineBody, PipelineDto } from "../../../shared/contracts/pipelines";
import type { UserDto, UserListResponse } from "../../../shared/contracts/users";
import type { Role } from "../../../shared/constants/roles";

// Setup and checks through the JSON API, as the user signed in on a page: the page's context holds
// the session cookie, and each state-changing call carries the CSRF token from /api/auth/me like the
// SPA does. The flows themselves stay in the browser; this is for what a test only needs in place.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Any answer: its status and its parsed JSON body (null when there is none). */
export interface ApiResult<T> {
  status: number;
  body: T;
}

/** A call that was expected to succeed and did not: says which, with the status and the body. */
export class ApiCallError extends Error {
  constructor(
    readonly method: HttpMethod,
    readonly path: string,
    readonly status: number,
    readonly responseText: string,
  ) {
    super(`${method} ${path}: ${status} ${responseText}`);
    this.name = "ApiCallError";
  }
}

/** The app's origin, taken from the signed-in page (which must be on the app, e.g. from `signIn`). */
function originOf(page: Page): string {
  const url = page.url();
  if (!/^https?:/.test(url)) throw new Error(`api helpers need a page on the app (signed in), not ${url}`);
  return new URL(url).origin;
}

async function send(page: Page, method: HttpMethod, path: string, body: unknown): Promise<{ status: number; text: string }> {
  const origin = originOf(page);
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET") {
    const me = await page.request.get(`${origin}/api/auth/me`);
    if (me.ok()) headers["X-CSRF-Token"] = ((await me.json()) as { csrfToken: string }).csrfToken;
  }
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await page.request.fetch(`${origin}${path}`, { method, headers, data: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status(), text: await res.text() };
}

/** Calls the API as the page's user and returns whatever came back (for tests that assert the status). */
export async function apiResult<T>(page: Page, method: HttpMethod, path: string, body?: unknown): Promise<ApiResult<T>> {
  const { status, text } = await send(page, method, path, body);
  let parsed: unknown = null;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    parsed = null; // not JSON (an HTML error page): the status says what happened
  }
  return { status, body: parsed as T };
}

/** Calls the API as the page's user and returns the parsed body; throws `ApiCallError` unless 2xx. */
export async function api<T>(page: Page, method: HttpMethod, path: string, body?: unknown): Promise<T> {
  const { status, text } = await send(page, method, path, body);
  if (status < 200 || status > 299) throw new ApiCallError(method, path, status, text);
  return (text === "" ? null : JSON.parse(text)) as T;
}

/** Polls `probe` until it returns a value (not undefined); throws naming `what` after `timeoutMs`. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/* Users */

/** The workspace's active users of a role (the demo has one of each staff role). */
export async function usersOfRole(page: Page, role: Role): Promise<UserDto[]> {
  const res = await api<UserListResponse>(page, "GET", `/api/users?role=${role}&status=active&limit=100`);
  return res.data;
}

export interface CreatedUser {
  user: UserDto;
  email: string;
  password: string;
}

/**
 * A new user of `role` who can sign in: invited by the page's user (an admin), the invitation read
 * from the outbox once the email job has run, and accepted with a password in a separate,
 * cookie-less request context (the admin's session is left alone).
 */
export async function createUser(page: Page, role: Exclude<Role, "client">, name: string): Promise<CreatedUser> {
  const email = `${role.replace("_", "-")}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const password = `E2e-${Math.random().toString(36).slice(2, 10)}-4821!`;
  await api(page, "POST", "/api/users/invitations", { email, name, role });
  const message = await waitForEmail(page, email, /accept-invite\?token=/);
  const token = decodeURIComponent(message.text.match(/accept-invite\?token=([^\s"<>]+)/)?.[1] ?? "");
  const anonymous = await request.newContext({ baseURL: originOf(page) });
  try {
    const accepted = await anonymous.post("/api/auth/invitations/accept", { data: { token, password } });
    if (!accepted.ok()) throw new ApiCallError("POST", "/api/auth/invitations/accept", accepted.status(), await accepted.text());
  } finally {
    await anonymous.dispose();
  }
  const [user] = (await api<UserListResponse>(page, "GET", `/api/users?q=${encodeURIComponent(email)}`)).data;
  if (user?.status !== "active") throw new Error(`invited user ${email} is not active after accepting: ${JSON.stringify(user)}`);
  return { user, email, password };
}

/* Jobs: mail is sent by the email job into the outbox (no SMTP in tests). */

/** Waits until the email job has put a message to `to` (whose text matches `match`) in the outbox. */
export function waitForEmail(page: Page, to: string, match: RegExp = /./, timeoutMs = 20_000): Promise<OutboxMessageDto> {
  return waitUntil(`an email to ${to} matching ${match}`, async () => {
    const outbox = await api<z.infer<typeof OutboxListResponse>>(page, "GET", `/api/admin/outbox?to=${encodeURIComponent(to)}`);
    return outbox.data.find((m) => m.to === to && match.test(m.text));
  }, timeoutMs);
}

/* CRM setup */

/** Deletes every assignment rule (the demo's own would catch a test's leads first). */
export async function clearAssignmentRules(page: Page): Promise<void> {
  const rules = await api<{ data: AssignmentRuleDto[] }>(page, "GET", "/api/assignment-rules");
  for (const rule of rules.data) await api(page, "DELETE", `/api/assignment-rules/${rule.id}`);
}

export async function createAssignmentRule(page: Page, body: z.input<typeof CreateAssignmentRuleBody>): Promise<AssignmentRuleDto> {
  return (await api<{ data: AssignmentRuleDto }>(page, "POST", "/api/assignment-rules", body)).data;
}

/** A pipeline of the test's own (the demo's are full of deals); the standard five stages unless given. */
export async function createPipeline(page: Page, body: z.input<typeof CreatePipelineBody>): Promise<PipelineDto> {
  return (await api<{ data: PipelineDto }>(page, "POST", "/api/pipelines", body)).data;
}

/** A web-to-lead form; its `hostedUrl` is the public page /f/:publicId. */
export async function createForm(page: Page, body: z.input<typeof CreateLeadFormBody>): Promise<LeadFormDto> {
  return (await api<{ data: LeadFormDto }>(page, "POST", "/api/forms", body)).data;
}
