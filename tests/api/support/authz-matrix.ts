import { randomBytes } from "node:crypto";
import type { Response } from "supertest";
import { expect } from "vitest";
import { sessionHandle } from "../../../server/auth/tokens";
import { importFiles, imports, savedViews } from "../../../server/db/schema";
import type { AnyRoute } from "../../../server/http/define-route";
import { DEFAULT_ROLE_PERMISSIONS, type Role } from "../../../shared/constants/roles";
import type { ErrorCode } from "../../../shared/errors";
import { assignClient, buildAssignmentRule, buildClient, buildContact, buildCustomField, buildLead, buildLeadForm, type buildTeam, buildUser, FACTORY_PASSWORD, type FactoryUser } from "../../factories";
import { eq } from "drizzle-orm";
import { assignmentRules, automations } from "../../../server/db/schema";
import { buildAttachment, PNG_BYTES } from "../../factories/attachments";
import type { ApiClient } from "../../setup/http-client";
import type { TestApp } from "../../setup/test-app";
import { dealsMatrixRows, dealsRouteSpecs } from "./authz-matrix-deals";
import { issueToken, STRONG_PASSWORD, sidOf } from "./helpers";

/**
 * The authorization matrix: who may call each API route, declared as data. Every route in the
 * registry must have rows (the matrix test fails otherwise), including an anonymous row, a
 * wrong-role row for staff and portal routes, and a foreign-record row for routes with an `:id`.
 */

export type Principal = "anonymous" | Role;
/** Which record the request targets, relative to the caller: their own, one of their workspace, or another workspace's. */
export type Relation = "own" | "foreign" | "same-workspace";

/** A route key as written in rows: "METHOD /api/path/:param". */
export type RouteKey = string;

export interface RouteRequest {
  /** Path with params filled in (and a query string if needed). */
  path: string;
  body?: object;
  /** A multipart file upload (field `file`) instead of a JSON body. */
  upload?: { name: string; bytes: Buffer };
}

export type Team = Awaited<ReturnType<typeof buildTeam>>;

/** What a request builder gets: the app, the caller's workspace (home), another workspace, and the caller. */
export interface RowContext {
  t: TestApp;
  home: Team;
  foreign: Team;
  role: Principal;
  relation: Relation | undefined;
  /** The signed-in caller (undefined when anonymous). */
  actor: FactoryUser | undefined;
  /** The client the request goes out on. */
  client: ApiClient;
  /** Signs a user in on a new client. */
  login(user: { email: string; password: string }): Promise<ApiClient>;
  /** A dead-lettered email job whose email belongs to the given workspace (each call gives a new one). */
  deadJob(workspaceId: string): Promise<{ queue: string; id: string }>;
}

export interface RouteSpec {
  /** Sign in a brand-new user of the row's role (the request ends or changes the caller's session or password). */
  freshActor?: boolean;
  /** Builds a valid request, so that the status reflects authorization rather than validation. */
  build(ctx: RowContext): Promise<RouteRequest>;
  /** Extra checks on a success response. */
  verify?(res: Response, ctx: RowContext): Promise<void> | void;
}

export interface MatrixRow {
  route: RouteKey;
  role: Principal;
  relation?: Relation;
  expect: number;
  /** Expected error code; defaults by status (401 unauthenticated, 403 forbidden, 404 not_found). */
  code?: ErrorCode;
  /** Why this row holds, when it is a record-level rule rather than the route's access rule. */
  why?: string;
  /** Overrides the route's request builder for this row. */
  setup?: (ctx: RowContext) => Promise<RouteRequest>;
  /** A server bug this row exposes: the row runs as `it.fails` until the server is fixed. */
  knownBug?: string;
}

export const PRINCIPALS: readonly Principal[] = ["anonymous", "admin", "manager", "staff", "sales_agent", "creator", "client"];

/** "POST /api/users/:id" for a registry route. */
export function routeKey(route: Pick<AnyRoute, "method" | "path">): RouteKey {
  return `${route.method.toUpperCase()} /api${route.path}`;
}

export function defaultCode(status: number): ErrorCode | undefined {
  return ({ 401: "unauthenticated", 403: "forbidden", 404: "not_found" } as Record<number, ErrorCode>)[status];
}

const unique = () => randomBytes(4).toString("hex");

/** A new user in the caller's workspace. */
function homeUser(ctx: RowContext, overrides: Parameters<typeof buildUser>[1] = {}): Promise<FactoryUser> {
  return buildUser(ctx.t.database.db, { workspaceId: ctx.home.workspace.id, ...overrides });
}

/** The user a `/users/:id` request targets: the caller (own), a user of another workspace (foreign), or a new colleague. */
async function targetUser(ctx: RowContext, overrides: Parameters<typeof buildUser>[1] = {}): Promise<{ id: string }> {
  if (ctx.relation === "own") {
    if (!ctx.actor) throw new Error("an 'own' row needs a signed-in caller");
    return ctx.actor;
  }
  if (ctx.relation === "foreign") return buildUser(ctx.t.database.db, { workspaceId: ctx.foreign.workspace.id, ...overrides });
  return homeUser(ctx, overrides);
}

/** The public handle of a live session: the caller's other session (own), another workspace's user's, or a colleague's. */
async function sessionTarget(ctx: RowContext): Promise<{ handle: string; owner: ApiClient }> {
  let owner: ApiClient;
  if (ctx.relation === "own") {
    if (!ctx.actor) throw new Error("an 'own' row needs a signed-in caller");
    owner = await ctx.login(ctx.actor);
  } else if (ctx.relation === "foreign") {
    owner = await ctx.login(await buildUser(ctx.t.database.db, { workspaceId: ctx.foreign.workspace.id }));
  } else {
    owner = await ctx.login(await homeUser(ctx));
  }
  return { handle: sessionHandle(sidOf(owner)), owner };
}

const sessionOwners = new WeakMap<RowContext, ApiClient>();
/** The contact ids an export row built: the caller's and another workspace's. */
const exportedContacts = new WeakMap<RowContext, { mine: string; theirs: string }>();

/**
 * The client a CRM request targets: another workspace's (foreign), an unowned, unassigned one of the
 * caller's workspace (same-workspace: invisible to sales agents and creators), or by default one the
 * caller sees (a sales agent owns it, a creator is assigned to it).
 */
async function targetClient(ctx: RowContext): Promise<{ id: string; workspaceId: string }> {
  const db = ctx.t.database.db;
  if (ctx.relation === "foreign") return buildClient(db, { workspaceId: ctx.foreign.workspace.id });
  if (ctx.relation === "same-workspace") return buildClient(db, { workspaceId: ctx.home.workspace.id });
  const client = await buildClient(db, { workspaceId: ctx.home.workspace.id, ownerId: ctx.role === "sales_agent" ? ctx.actor?.id : null });
  if (ctx.role === "creator" && ctx.actor) await assignClient(db, client, ctx.actor.id);
  return client;
}

/** A contact of `targetClient`. */
async function targetContact(ctx: RowContext, overrides: Parameters<typeof buildContact>[1] = {}): Promise<{ id: string }> {
  const client = await targetClient(ctx);
  return buildContact(ctx.t.database.db, { clientId: client.id, workspaceId: client.workspaceId, ...overrides });
}

/** A custom field of the caller's workspace, or of another workspace for the foreign relation. */
async function targetCustomField(ctx: RowContext): Promise<{ id: string }> {
  const workspaceId = ctx.relation === "foreign" ? ctx.foreign.workspace.id : ctx.home.workspace.id;
  return buildCustomField(ctx.t.database.db, { workspaceId });
}

/**
 * The saved view a `/saved-views/:id` request targets: the caller's own personal view by default,
 * another workspace's view (foreign), or a colleague's personal view (same-workspace).
 */
async function targetView(ctx: RowContext, overrides: Partial<typeof savedViews.$inferInsert> = {}): Promise<{ id: string }> {
  const db = ctx.t.database.db;
  const workspaceId = ctx.relation === "foreign" ? ctx.foreign.workspace.id : ctx.home.workspace.id;
  const ownerId = ctx.relation === "foreign" ? ctx.foreign.users.admin.id : ctx.relation === "same-workspace" || !ctx.actor ? ctx.home.users.manager.id : ctx.actor.id;
  const [row] = await db.insert(savedViews).values({ workspaceId, ownerId, entityType: "client", name: `View ${unique()}`, visibility: "personal", query: {}, ...overrides }).returning();
  return row!;
}

const SEES_ALL: readonly Principal[] = ["admin", "manager", "staff"];

/**
 * The lead a request targets: another workspace's (foreign), an unowned one of the caller's workspace
 * (same-workspace: out of a sales agent's reach), or by default one the caller reaches (a sales agent owns it).
 */
async function targetLead(ctx: RowContext): Promise<{ id: string }> {
  const db = ctx.t.database.db;
  if (ctx.relation === "foreign") return buildLead(db, { workspaceId: ctx.foreign.workspace.id });
  if (ctx.relation === "same-workspace") return buildLead(db, { workspaceId: ctx.home.workspace.id });
  return buildLead(db, { workspaceId: ctx.home.workspace.id, ownerId: ctx.role === "sales_agent" ? ctx.actor?.id : null });
}

/** An automation of the caller's workspace (or another workspace's for the foreign relation). */
async function targetAutomation(ctx: RowContext): Promise<{ id: string }> {
  const workspaceId = ctx.relation === "foreign" ? ctx.foreign.workspace.id : ctx.home.workspace.id;
  const [row] = await ctx.t.database.db
    .insert(automations)
    .values({ workspaceId, name: `Matrix automation ${unique()}`, enabled: false, trigger: { type: "lead_created" }, actions: [{ type: "add_tag", tag: "matrix" }] })
    .returning();
  return row!;
}

/** An assignment rule of the caller's workspace (or another workspace's for the foreign relation). */
async function targetRule(ctx: RowContext): Promise<{ id: string }> {
  const team = ctx.relation === "foreign" ? ctx.foreign : ctx.home;
  return buildAssignmentRule(ctx.t.database.db, team.workspace.id, { assign: { type: "user", userId: team.users.staff.id } });
}

/** Request builders: one per registered route. */
export const routeSpecs: Record<RouteKey, RouteSpec> = {
  "POST /api/auth/login": {
    build: async (ctx) => {
      const user = await homeUser(ctx);
      return { path: "/api/auth/login", body: { email: user.email, password: user.password } };
    },
    verify: (res) => {
      expect(res.body.csrfToken).toEqual(expect.any(String));
    },
  },
  "POST /api/auth/logout": {
    freshActor: true,
    build: async () => ({ path: "/api/auth/logout" }),
    verify: async (_res, ctx) => {
      expect((await ctx.client.get("/api/auth/me")).status).toBe(401);
    },
  },
  "GET /api/auth/me": {
    build: async () => ({ path: "/api/auth/me" }),
    verify: (res, ctx) => {
      expect(res.body.user.id).toBe(ctx.actor?.id);
    },
  },
  "GET /api/auth/session": {
    build: async () => ({ path: "/api/auth/session" }),
    verify: (res, ctx) => {
      expect(res.body.me?.user.id ?? null).toBe(ctx.actor?.id ?? null);
    },
  },
  "POST /api/auth/forgot-password": {
    build: async (ctx) => ({ path: "/api/auth/forgot-password", body: { email: (await homeUser(ctx)).email } }),
  },
  "POST /api/auth/reset-password": {
    build: async (ctx) => {
      const token = await issueToken(ctx.t, await homeUser(ctx), "password_reset");
      return { path: "/api/auth/reset-password", body: { token, password: STRONG_PASSWORD } };
    },
  },
  "GET /api/auth/invitations/preview": {
    build: async (ctx) => {
      const token = await issueToken(ctx.t, await homeUser(ctx, { status: "invited" }), "invite");
      return { path: `/api/auth/invitations/preview?token=${encodeURIComponent(token)}` };
    },
    verify: (res, ctx) => {
      expect(res.body.workspaceName).toBe(ctx.home.workspace.name);
    },
  },
  "POST /api/auth/invitations/accept": {
    build: async (ctx) => {
      const token = await issueToken(ctx.t, await homeUser(ctx, { status: "invited" }), "invite");
      return { path: "/api/auth/invitations/accept", body: { token, password: STRONG_PASSWORD } };
    },
  },
  "PATCH /api/profile": {
    build: async (ctx) => ({ path: "/api/profile", body: { name: `Matrix ${ctx.role} ${unique()}` } }),
  },
  "POST /api/profile/password": {
    freshActor: true,
    build: async () => ({
      path: "/api/profile/password",
      body: { currentPassword: FACTORY_PASSWORD, newPassword: STRONG_PASSWORD, endOtherSessions: false },
    }),
  },
  "GET /api/profile/sessions": {
    build: async () => ({ path: "/api/profile/sessions" }),
    verify: (res) => {
      expect(res.body.data.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    },
  },
  "DELETE /api/profile/sessions/:id": {
    build: async (ctx) => {
      const { handle, owner } = await sessionTarget(ctx);
      sessionOwners.set(ctx, owner);
      return { path: `/api/profile/sessions/${handle}` };
    },
    verify: async (_res, ctx) => {
      // The revoked session (the caller's other one) is refused from now on.
      const owner = sessionOwners.get(ctx);
      expect((await owner?.get("/api/auth/me"))?.status).toBe(401);
    },
  },
  "GET /api/users": {
    build: async () => ({ path: "/api/users?limit=200" }),
    verify: (res, ctx) => {
      const ids = (res.body.data as { id: string }[]).map((u) => u.id);
      expect(ids).toContain(ctx.home.users.admin.id);
      expect(ids).not.toContain(ctx.foreign.users.admin.id);
    },
  },
  "POST /api/users/invitations": {
    build: async () => ({ path: "/api/users/invitations", body: { email: `invitee-${unique()}@example.test`, name: "Matrix Invitee", role: "staff" } }),
    verify: (res) => {
      expect(res.body.data.status).toBe("invited");
    },
  },
  "GET /api/users/:id": {
    build: async (ctx) => ({ path: `/api/users/${(await targetUser(ctx)).id}` }),
  },
  "PATCH /api/users/:id": {
    build: async (ctx) => ({ path: `/api/users/${(await targetUser(ctx)).id}`, body: { name: `Renamed ${unique()}` } }),
  },
  "POST /api/users/:id/deactivate": {
    build: async (ctx) => ({ path: `/api/users/${(await targetUser(ctx)).id}/deactivate` }),
    verify: (res) => {
      expect(res.body.data.status).toBe("deactivated");
    },
  },
  "POST /api/users/:id/reactivate": {
    build: async (ctx) => ({ path: `/api/users/${(await targetUser(ctx, { status: "deactivated" })).id}/reactivate` }),
    verify: (res) => {
      expect(res.body.data.status).toBe("active");
    },
  },
  "POST /api/users/:id/resend-invite": {
    build: async (ctx) => ({ path: `/api/users/${(await targetUser(ctx, { status: "invited" })).id}/resend-invite` }),
  },
  "GET /api/roles": {
    build: async () => ({ path: "/api/roles" }),
  },
  "PUT /api/roles/:role/permissions": {
    // Re-sets the defaults, so a success changes nothing other rows depend on.
    build: async () => ({ path: "/api/roles/sales_agent/permissions", body: { permissions: [...DEFAULT_ROLE_PERMISSIONS.sales_agent] } }),
  },
  "GET /api/workspace": {
    build: async () => ({ path: "/api/workspace" }),
    verify: (res, ctx) => {
      expect(res.body.data.id).toBe(ctx.home.workspace.id);
    },
  },
  "PATCH /api/workspace": {
    build: async () => ({ path: "/api/workspace", body: { brandColor: "#0f766e" } }),
  },
  "GET /api/audit-log": {
    build: async () => ({ path: "/api/audit-log" }),
  },
  "GET /api/clients": {
    build: async () => ({ path: "/api/clients?limit=200" }),
    verify: (res, ctx) => {
      const ids = (res.body.data as { id: string }[]).map((c) => c.id);
      // Sales agents and creators see only their own/assigned clients (tests/api/clients.api.test.ts).
      if (SEES_ALL.includes(ctx.role)) expect(ids).toContain(ctx.home.client.id);
      else expect(ids).not.toContain(ctx.home.client.id);
      expect(ids).not.toContain(ctx.foreign.client.id);
    },
  },
  "GET /api/clients/export.csv": {
    build: async () => ({ path: "/api/clients/export.csv" }),
    verify: (res, ctx) => {
      expect(res.headers["content-type"]).toContain("text/csv");
      expect(res.text).toContain(ctx.home.client.id);
      expect(res.text).not.toContain(ctx.foreign.client.id);
    },
  },
  "POST /api/clients": {
    build: async () => ({ path: "/api/clients", body: { name: `Matrix Client ${unique()}` } }),
  },
  "POST /api/clients/bulk": {
    build: async (ctx) => ({ path: "/api/clients/bulk", body: { ids: [(await targetClient(ctx)).id], action: { type: "add_tag", tag: "matrix" } } }),
    verify: (res, ctx) => {
      if (ctx.relation === "same-workspace") expect(res.body).toEqual({ updated: 0, skipped: [{ id: expect.any(String), reason: "not_found" }] });
      else expect(res.body).toEqual({ updated: 1, skipped: [] });
    },
  },
  "GET /api/clients/:id": {
    build: async (ctx) => ({ path: `/api/clients/${(await targetClient(ctx)).id}` }),
  },
  "PATCH /api/clients/:id": {
    build: async (ctx) => ({ path: `/api/clients/${(await targetClient(ctx)).id}`, body: { industry: "Matrix" } }),
  },
  "DELETE /api/clients/:id": {
    build: async (ctx) => ({ path: `/api/clients/${(await targetClient(ctx)).id}` }),
  },
  "PUT /api/clients/:id/assignees": {
    build: async (ctx) => ({ path: `/api/clients/${(await targetClient(ctx)).id}/assignees`, body: { userIds: [ctx.home.users.staff.id] } }),
  },
  "PATCH /api/clients/:id/portal-settings": {
    build: async (ctx) => ({ path: `/api/clients/${(await targetClient(ctx)).id}/portal-settings`, body: { tasks: true } }),
  },
  "GET /api/contacts": {
    build: async () => ({ path: "/api/contacts?limit=200" }),
  },
  "POST /api/contacts": {
    build: async (ctx) => ({ path: "/api/contacts", body: { clientId: (await targetClient(ctx)).id, firstName: "Matrix" } }),
  },
  "GET /api/contacts/:id": {
    build: async (ctx) => ({ path: `/api/contacts/${(await targetContact(ctx)).id}` }),
  },
  "PATCH /api/contacts/:id": {
    build: async (ctx) => ({ path: `/api/contacts/${(await targetContact(ctx)).id}`, body: { title: "Matrix" } }),
  },
  "DELETE /api/contacts/:id": {
    build: async (ctx) => ({ path: `/api/contacts/${(await targetContact(ctx)).id}` }),
  },
  "POST /api/contacts/:id/invite-to-portal": {
    build: async (ctx) => ({ path: `/api/contacts/${(await targetContact(ctx)).id}/invite-to-portal` }),
    verify: (res) => {
      expect(res.body.data.portalAccess).toBe("invited");
    },
  },
  "GET /api/contacts/export.csv": {
    build: async (ctx) => {
      // A contact the caller sees and one of the other workspace (the foreign row's record): only the first is exported.
      const [mine, theirs] = await Promise.all([targetContact({ ...ctx, relation: undefined }), targetContact({ ...ctx, relation: "foreign" })]);
      exportedContacts.set(ctx, { mine: mine.id, theirs: theirs.id });
      return { path: "/api/contacts/export.csv" };
    },
    verify: (res, ctx) => {
      const ids = exportedContacts.get(ctx);
      expect(res.headers["content-type"]).toContain("text/csv");
      expect(res.text).toContain(ids?.mine);
      expect(res.text).not.toContain(ids?.theirs);
    },
  },
  "POST /api/contacts/bulk": {
    build: async (ctx) => ({ path: "/api/contacts/bulk", body: { ids: [(await targetContact(ctx)).id], action: { type: "delete" } } }),
    verify: (res, ctx) => {
      if (ctx.relation) expect(res.body).toEqual({ updated: 0, skipped: [{ id: expect.any(String), reason: "not_found" }] });
      else expect(res.body).toEqual({ updated: 1, skipped: [] });
    },
  },
  "GET /api/activities": {
    build: async (ctx) => ({ path: `/api/activities?entityType=client&entityId=${(await targetClient(ctx)).id}` }),
  },
  "POST /api/activities": {
    build: async (ctx) => ({ path: "/api/activities", body: { entityType: "client", entityId: (await targetClient(ctx)).id, kind: "note", body: "Matrix note" } }),
  },
  "GET /api/admin/jobs": {
    build: async () => ({ path: "/api/admin/jobs" }),
  },
  "POST /api/admin/jobs/:queue/:id/retry": {
    build: async (ctx) => {
      const job = await ctx.deadJob(ctx.relation === "foreign" ? ctx.foreign.workspace.id : ctx.home.workspace.id);
      return { path: `/api/admin/jobs/${job.queue}/${job.id}/retry` };
    },
  },
  "GET /api/admin/outbox": {
    build: async () => ({ path: "/api/admin/outbox" }),
  },
  "POST /api/admin/system/integration-checks": {
    build: async () => ({ path: "/api/admin/system/integration-checks" }),
  },
  "GET /api/admin/system": {
    build: async () => ({ path: "/api/admin/system" }),
  },
  "GET /api/custom-fields": {
    build: async () => ({ path: "/api/custom-fields?entityType=client" }),
    verify: (res, ctx) => {
      expect(res.body.abilities.manage).toBe(ctx.role === "admin");
    },
  },
  "POST /api/custom-fields": {
    build: async () => ({ path: "/api/custom-fields", body: { entityType: "client", label: `Matrix ${unique()}`, type: "text" } }),
  },
  "PATCH /api/custom-fields/:id": {
    build: async (ctx) => ({ path: `/api/custom-fields/${(await targetCustomField(ctx)).id}`, body: { label: "Matrix" } }),
  },
  "DELETE /api/custom-fields/:id": {
    build: async (ctx) => ({ path: `/api/custom-fields/${(await targetCustomField(ctx)).id}` }),
  },
  // Leads.
  "GET /api/leads": {
    build: async () => ({ path: "/api/leads?limit=200" }),
  },
  "GET /api/leads/export.csv": {
    build: async () => ({ path: "/api/leads/export.csv" }),
    verify: (res) => {
      expect(res.headers["content-type"]).toContain("text/csv");
    },
  },
  "GET /api/leads/workload": {
    build: async () => ({ path: "/api/leads/workload" }),
  },
  "POST /api/leads": {
    build: async () => ({ path: "/api/leads", body: { name: `Matrix Lead ${unique()}` } }),
  },
  "POST /api/leads/bulk": {
    build: async (ctx) => ({ path: "/api/leads/bulk", body: { ids: [(await targetLead(ctx)).id], action: { type: "add_tag", tag: "matrix" } } }),
  },
  "GET /api/leads/:id": {
    build: async (ctx) => ({ path: `/api/leads/${(await targetLead(ctx)).id}` }),
  },
  "PATCH /api/leads/:id": {
    build: async (ctx) => ({ path: `/api/leads/${(await targetLead(ctx)).id}`, body: { company: "Matrix Ltd" } }),
  },
  "DELETE /api/leads/:id": {
    build: async (ctx) => ({ path: `/api/leads/${(await targetLead(ctx)).id}` }),
  },
  "POST /api/leads/:id/convert": {
    build: async (ctx) => ({ path: `/api/leads/${(await targetLead(ctx)).id}/convert`, body: { client: { mode: "new" } } }),
  },
  "GET /api/assignment-rules": {
    build: async () => ({ path: "/api/assignment-rules" }),
  },
  "POST /api/assignment-rules": {
    build: async (ctx) => ({ path: "/api/assignment-rules", body: { name: "Matrix rule", assign: { type: "user", userId: ctx.home.users.staff.id } } }),
  },
  "PUT /api/assignment-rules/order": {
    build: async (ctx) => {
      await targetRule(ctx);
      const rows = await ctx.t.database.db.select({ id: assignmentRules.id }).from(assignmentRules).where(eq(assignmentRules.workspaceId, ctx.home.workspace.id));
      return { path: "/api/assignment-rules/order", body: { ids: rows.map((r) => r.id).reverse() } };
    },
  },
  "PATCH /api/assignment-rules/:id": {
    build: async (ctx) => ({ path: `/api/assignment-rules/${(await targetRule(ctx)).id}`, body: { enabled: false } }),
  },
  "DELETE /api/assignment-rules/:id": {
    build: async (ctx) => ({ path: `/api/assignment-rules/${(await targetRule(ctx)).id}` }),
  },
  "GET /api/automations": {
    build: async () => ({ path: "/api/automations" }),
  },
  "GET /api/automations/actions": {
    build: async () => ({ path: "/api/automations/actions" }),
  },
  "POST /api/automations": {
    build: async () => ({ path: "/api/automations", body: { name: "Matrix", enabled: false, trigger: { type: "lead_created" }, actions: [{ type: "add_tag", tag: "m" }] } }),
  },
  "GET /api/automations/:id": {
    build: async (ctx) => ({ path: `/api/automations/${(await targetAutomation(ctx)).id}` }),
  },
  "PATCH /api/automations/:id": {
    build: async (ctx) => ({ path: `/api/automations/${(await targetAutomation(ctx)).id}`, body: { name: "Renamed" } }),
  },
  "DELETE /api/automations/:id": {
    build: async (ctx) => ({ path: `/api/automations/${(await targetAutomation(ctx)).id}` }),
  },
  "GET /api/automations/:id/runs": {
    build: async (ctx) => ({ path: `/api/automations/${(await targetAutomation(ctx)).id}/runs` }),
  },
  "GET /api/leads/:id/automation-runs": {
    build: async (ctx) => ({ path: `/api/leads/${(await targetLead(ctx)).id}/automation-runs` }),
  },
  "GET /api/portal/overview": {
    build: async () => ({ path: "/api/portal/overview" }),
    verify: (res, ctx) => {
      expect(res.body.client.id).toBe(ctx.home.client.id);
    },
  },
  // Attachments.
  "GET /api/attachments": {
    build: async (ctx) => ({ path: `/api/attachments?entityType=client&entityId=${(await targetAttachment(ctx)).entityId}` }),
    verify: (res) => {
      expect(res.body.data).toHaveLength(1);
    },
  },
  "POST /api/attachments": {
    build: async (ctx) => ({ path: `/api/attachments?entityType=client&entityId=${(await targetClient(ctx)).id}`, upload: { name: "matrix.png", bytes: PNG_BYTES } }),
    verify: (res) => {
      expect(res.body.data.contentType).toBe("image/png");
    },
  },
  "GET /api/attachments/:id/download": {
    build: async (ctx) => ({ path: `/api/attachments/${(await targetAttachment(ctx)).id}/download` }),
    verify: (res) => {
      expect(res.headers["content-disposition"]).toMatch(/^attachment; /);
    },
  },
  "PATCH /api/attachments/:id": {
    build: async (ctx) => ({ path: `/api/attachments/${(await targetAttachment(ctx)).id}`, body: { sharedWithClient: true } }),
  },
  "DELETE /api/attachments/:id": {
    build: async (ctx) => ({ path: `/api/attachments/${(await targetAttachment(ctx)).id}` }),
  },
  "GET /api/portal/files": {
    build: async (ctx) => {
      await buildAttachment(ctx.t.database.db, ctx.t.ctx.storage, { workspaceId: ctx.home.workspace.id, entityType: "client", entityId: ctx.home.client.id }, { sharedWithClient: true });
      return { path: "/api/portal/files" };
    },
    verify: (res) => {
      expect(res.body.data.length).toBeGreaterThan(0);
    },
  },
  "GET /api/portal/files/:id/download": {
    build: async (ctx) => ({ path: `/api/portal/files/${(await portalFileTarget(ctx)).id}/download` }),
  },

  // --- Saved views and global search (feat/views-search) ---
  "GET /api/saved-views": {
    build: async () => ({ path: "/api/saved-views?entityType=client" }),
  },
  "POST /api/saved-views": {
    build: async () => ({ path: "/api/saved-views", body: { entityType: "client", name: `Matrix view ${unique()}`, visibility: "personal", query: { status: "active" } } }),
  },
  "PATCH /api/saved-views/:id": {
    build: async (ctx) => ({ path: `/api/saved-views/${(await targetView(ctx)).id}`, body: { name: `Renamed ${unique()}` } }),
  },
  "DELETE /api/saved-views/:id": {
    build: async (ctx) => ({ path: `/api/saved-views/${(await targetView(ctx)).id}` }),
  },
  "GET /api/search": {
    build: async (ctx) => ({ path: `/api/search?q=${encodeURIComponent(ctx.home.client.name)}` }),
    verify: (res, ctx) => {
      const ids = (res.body.data as { results: { id: string }[] }[]).flatMap((g) => g.results.map((r) => r.id));
      if (SEES_ALL.includes(ctx.role)) expect(ids).toContain(ctx.home.client.id);
      else expect(ids).not.toContain(ctx.home.client.id);
      expect(ids).not.toContain(ctx.foreign.client.id);
    },
  },
  // Web-to-lead forms (feat/forms).
  "GET /api/forms": {
    build: async () => ({ path: "/api/forms" }),
  },
  "POST /api/forms": {
    build: async () => ({ path: "/api/forms", body: { name: `Matrix form ${unique()}`, fields: [{ key: "email", label: "Email", required: true }] } }),
  },
  "GET /api/forms/:id": {
    build: async (ctx) => ({ path: `/api/forms/${(await targetForm(ctx)).id}` }),
  },
  "PATCH /api/forms/:id": {
    build: async (ctx) => ({ path: `/api/forms/${(await targetForm(ctx)).id}`, body: { name: "Matrix form renamed" } }),
  },
  "DELETE /api/forms/:id": {
    build: async (ctx) => ({ path: `/api/forms/${(await targetForm(ctx)).id}` }),
  },
  "GET /api/public/forms/:publicId": {
    build: async (ctx) => ({ path: `/api/public/forms/${(await targetForm(ctx)).publicId}` }),
  },
  "POST /api/public/forms/:publicId/submissions": {
    build: async (ctx) => ({ path: `/api/public/forms/${(await targetForm(ctx)).publicId}/submissions`, body: { name: "Matrix Lead", email: `matrix-${unique()}@example.test` } }),
    verify: (res) => {
      expect(res.body.ok).toBe(true);
    },
  },
  // Pipelines and deals (tests/api/support/authz-matrix-deals.ts).
  ...dealsRouteSpecs,
  // Duplicates and merge (feature: duplicates-merge)
  "GET /api/duplicates": {
    build: async () => ({ path: "/api/duplicates?entityType=client" }),
  },
  "GET /api/duplicates/compare": {
    build: async (ctx) => ({ path: `/api/duplicates/compare?entityType=client&ids=${(await targetClient(ctx)).id},${(await targetClient(ctx)).id}` }),
  },
  "POST /api/duplicates/dismiss": {
    build: async (ctx) => ({ path: "/api/duplicates/dismiss", body: { entityType: "client", ids: [(await targetClient(ctx)).id, (await targetClient(ctx)).id] } }),
  },
  "POST /api/duplicates/merge": {
    build: async (ctx) => ({ path: "/api/duplicates/merge", body: { entityType: "client", survivorId: (await targetClient(ctx)).id, mergedId: (await targetClient(ctx)).id } }),
  },

  // CSV imports (feat/imports).
  "GET /api/imports": {
    build: async () => ({ path: "/api/imports?limit=200" }),
  },
  "POST /api/imports": {
    build: async () => ({ path: "/api/imports?entityType=lead", upload: { name: "matrix.csv", bytes: Buffer.from("name,email\nMatrix,matrix@example.test\n") } }),
  },
  "GET /api/imports/:id": {
    build: async (ctx) => ({ path: `/api/imports/${(await targetImport(ctx)).id}` }),
  },
  "PATCH /api/imports/:id": {
    build: async (ctx) => ({ path: `/api/imports/${(await targetImport(ctx)).id}`, body: { duplicateStrategy: "update" } }),
  },
  "POST /api/imports/:id/dry-run": {
    build: async (ctx) => ({ path: `/api/imports/${(await targetImport(ctx)).id}/dry-run` }),
  },
  "POST /api/imports/:id/start": {
    build: async (ctx) => ({ path: `/api/imports/${(await targetImport(ctx)).id}/start` }),
  },
  "POST /api/imports/:id/cancel": {
    build: async (ctx) => ({ path: `/api/imports/${(await targetImport(ctx)).id}/cancel` }),
  },
  "GET /api/imports/:id/rejects.csv": {
    build: async (ctx) => ({ path: `/api/imports/${(await targetImport(ctx)).id}/rejects.csv` }),
  },
  // Contacts: resend a portal invite (fix/crm-small). The target is invited but has not accepted.
  "POST /api/contacts/:id/resend-portal-invite": {
    build: async (ctx) => {
      const client = await targetClient(ctx);
      const email = `matrix-invitee-${unique()}@example.test`;
      const invitee = await buildUser(ctx.t.database.db, { workspaceId: client.workspaceId, role: "client", clientId: client.id, status: "invited", email });
      const contact = await targetContact(ctx, { email, userId: invitee.id });
      return { path: `/api/contacts/${contact.id}/resend-portal-invite` };
    },
    verify: (res) => {
      expect(res.body.data.portalAccess).toBe("invited");
    },
  },
  // Duplicates rescan (perf/duplicate-pairs): the caller's own workspace only, no record in the path.
  "GET /api/duplicates/rescan": {
    build: async () => ({ path: "/api/duplicates/rescan" }),
  },
  "POST /api/duplicates/rescan": {
    build: async () => ({ path: "/api/duplicates/rescan", body: {} }),
  },
};

/** A lead form of the caller's workspace (or another workspace's for the foreign relation). */
async function targetForm(ctx: RowContext): Promise<{ id: string; publicId: string }> {
  const workspaceId = ctx.relation === "foreign" ? ctx.foreign.workspace.id : ctx.home.workspace.id;
  return buildLeadForm(ctx.t.database.db, { workspaceId });
}

/** A file on `targetClient` (another workspace's for foreign, a colleague's client for same-workspace). */
async function targetAttachment(ctx: RowContext): Promise<{ id: string; entityId: string }> {
  const client = await targetClient(ctx);
  return buildAttachment(ctx.t.database.db, ctx.t.ctx.storage, { workspaceId: client.workspaceId, entityType: "client", entityId: client.id });
}

/**
 * A shared file for a portal download: on the portal user's own client by default, on another
 * workspace's client (foreign), or on another client of the same workspace (same-workspace).
 */
async function portalFileTarget(ctx: RowContext): Promise<{ id: string }> {
  const db = ctx.t.database.db;
  const client =
    ctx.relation === "foreign"
      ? ctx.foreign.client
      : ctx.relation === "same-workspace"
        ? await buildClient(db, { workspaceId: ctx.home.workspace.id })
        : ctx.home.client;
  return buildAttachment(db, ctx.t.ctx.storage, { workspaceId: client.workspaceId, entityType: "client", entityId: client.id }, { sharedWithClient: true });
}

/** One row per principal with the given expectations. */
function grid(route: RouteKey, expectations: Partial<Record<Principal, number>>): MatrixRow[] {
  return PRINCIPALS.filter((p) => expectations[p] !== undefined).map((role) => ({ route, role, expect: expectations[role]! }));
}

const ANYONE_SIGNED_IN = (status: number) => ({ admin: status, manager: status, staff: status, sales_agent: status, creator: status, client: status });
const staffOnly = (allowed: Partial<Record<Role, number>>): Partial<Record<Principal, number>> => ({
  anonymous: 401,
  admin: 403,
  manager: 403,
  staff: 403,
  sales_agent: 403,
  creator: 403,
  client: 403,
  ...allowed,
});

/**
 * Rows for a route on one CRM record: the role grid, a foreign record (404) for admin and sales
 * agent, and an unassigned colleague's record (404) for the sales agent and creator when they may
 * call the route at all.
 */
/** A lead route's rows: the grid, foreign records 404, and a colleague's lead is out of a sales agent's reach. */
function leadRecordRows(route: RouteKey, allowed: Partial<Record<Role, number>>): MatrixRow[] {
  const rows: MatrixRow[] = [...grid(route, staffOnly(allowed)), { route, role: "admin", relation: "foreign", expect: 404 }];
  if (allowed.sales_agent) {
    rows.push({ route, role: "sales_agent", relation: "foreign", expect: 404 });
    rows.push({ route, role: "sales_agent", relation: "same-workspace", expect: 404, why: "a lead the agent does not own" });
  }
  return rows;
}

function crmRecordRows(route: RouteKey, allowed: Partial<Record<Role, number>>): MatrixRow[] {
  const rows: MatrixRow[] = [
    ...grid(route, staffOnly(allowed)),
    { route, role: "admin", relation: "foreign", expect: 404 },
    { route, role: allowed.sales_agent ? "sales_agent" : "manager", relation: "foreign", expect: allowed.sales_agent || allowed.manager ? 404 : 403 },
  ];
  for (const role of ["sales_agent", "creator"] as const) {
    if (allowed[role]) rows.push({ route, role, relation: "same-workspace", expect: 404, why: "a colleague's client they neither own nor are assigned to" });
  }
  return rows;
}

/** The matrix. Role grants are the defaults of a new workspace (shared/constants/roles.ts). */
export const matrix: MatrixRow[] = [
  // Public: anonymous callers succeed.
  ...grid("POST /api/auth/login", { anonymous: 200 }),
  ...grid("POST /api/auth/forgot-password", { anonymous: 202 }),
  ...grid("POST /api/auth/reset-password", { anonymous: 200 }),
  ...grid("GET /api/auth/invitations/preview", { anonymous: 200 }),
  ...grid("POST /api/auth/invitations/accept", { anonymous: 200 }),

  // Any signed-in user, staff or portal client.
  ...grid("POST /api/auth/logout", { anonymous: 401, ...ANYONE_SIGNED_IN(204) }),
  ...grid("GET /api/auth/me", { anonymous: 401, ...ANYONE_SIGNED_IN(200) }),
  ...grid("PATCH /api/profile", { anonymous: 401, ...ANYONE_SIGNED_IN(200) }),
  ...grid("POST /api/profile/password", { anonymous: 401, ...ANYONE_SIGNED_IN(200) }),
  ...grid("GET /api/profile/sessions", { anonymous: 401, ...ANYONE_SIGNED_IN(200) }),
  { route: "DELETE /api/profile/sessions/:id", role: "anonymous", expect: 401 },
  ...grid("DELETE /api/profile/sessions/:id", ANYONE_SIGNED_IN(204)).map((r) => ({ ...r, relation: "own" as const })),
  { route: "DELETE /api/profile/sessions/:id", role: "admin", relation: "foreign", expect: 404, why: "a session of another workspace's user" },
  { route: "DELETE /api/profile/sessions/:id", role: "client", relation: "foreign", expect: 404, why: "a session of another workspace's user" },
  { route: "DELETE /api/profile/sessions/:id", role: "admin", relation: "same-workspace", expect: 404, why: "a colleague's session is not the caller's" },

  // users.read: admin, manager, staff, sales agent.
  ...grid("GET /api/users", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200 })),
  ...grid("GET /api/users/:id", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200 })),
  { route: "GET /api/users/:id", role: "admin", relation: "foreign", expect: 404 },
  { route: "GET /api/users/:id", role: "staff", relation: "foreign", expect: 404 },
  { route: "GET /api/users/:id", role: "staff", relation: "own", expect: 200 },
  { route: "GET /api/users/:id", role: "creator", relation: "own", expect: 403, why: "creators lack users.read, even for their own record" },
  ...grid("GET /api/roles", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200 })),

  // users.invite: admin, manager.
  ...grid("POST /api/users/invitations", staffOnly({ admin: 201, manager: 201 })),
  {
    route: "POST /api/users/invitations",
    role: "manager",
    expect: 403,
    why: "a manager assigns the admin role",
    setup: async () => ({ path: "/api/users/invitations", body: { email: `invitee-${unique()}@example.test`, name: "Would-be Admin", role: "admin" } }),
  },
  ...grid("POST /api/users/:id/resend-invite", staffOnly({ admin: 200, manager: 200 })),
  { route: "POST /api/users/:id/resend-invite", role: "admin", relation: "foreign", expect: 404 },
  {
    route: "POST /api/users/:id/resend-invite",
    role: "manager",
    expect: 403,
    why: "a manager acts on an invited admin",
    setup: async (ctx) => ({ path: `/api/users/${(await homeUser(ctx, { role: "admin", status: "invited" })).id}/resend-invite` }),
  },

  // users.update: admin, manager.
  ...grid("PATCH /api/users/:id", staffOnly({ admin: 200, manager: 200 })),
  { route: "PATCH /api/users/:id", role: "admin", relation: "foreign", expect: 404 },
  { route: "PATCH /api/users/:id", role: "manager", relation: "foreign", expect: 404 },
  { route: "PATCH /api/users/:id", role: "manager", relation: "own", expect: 200, why: "anyone with users.update may rename themselves" },
  {
    route: "PATCH /api/users/:id",
    role: "manager",
    expect: 403,
    why: "a manager edits an admin",
    setup: async (ctx) => ({ path: `/api/users/${(await homeUser(ctx, { role: "admin" })).id}`, body: { name: "Renamed Admin" } }),
  },
  {
    route: "PATCH /api/users/:id",
    role: "manager",
    expect: 403,
    why: "a manager assigns the admin role",
    setup: async (ctx) => ({ path: `/api/users/${(await homeUser(ctx)).id}`, body: { role: "admin" } }),
  },
  {
    route: "PATCH /api/users/:id",
    role: "admin",
    relation: "own",
    expect: 403,
    why: "nobody changes their own role",
    setup: async (ctx) => ({ path: `/api/users/${ctx.actor!.id}`, body: { role: "manager" } }),
  },

  // users.deactivate: admin, manager.
  ...grid("POST /api/users/:id/deactivate", staffOnly({ admin: 200, manager: 200 })),
  { route: "POST /api/users/:id/deactivate", role: "admin", relation: "foreign", expect: 404 },
  { route: "POST /api/users/:id/deactivate", role: "manager", relation: "foreign", expect: 404 },
  { route: "POST /api/users/:id/deactivate", role: "admin", relation: "own", expect: 403, why: "nobody deactivates themselves" },
  {
    route: "POST /api/users/:id/deactivate",
    role: "manager",
    expect: 403,
    why: "a manager deactivates an admin",
    setup: async (ctx) => ({ path: `/api/users/${(await homeUser(ctx, { role: "admin" })).id}/deactivate` }),
  },
  ...grid("POST /api/users/:id/reactivate", staffOnly({ admin: 200, manager: 200 })),
  { route: "POST /api/users/:id/reactivate", role: "admin", relation: "foreign", expect: 404 },
  {
    route: "POST /api/users/:id/reactivate",
    role: "manager",
    expect: 403,
    why: "a manager reactivates an admin",
    setup: async (ctx) => ({ path: `/api/users/${(await homeUser(ctx, { role: "admin", status: "deactivated" })).id}/reactivate` }),
  },

  // roles.manage: admin only.
  ...grid("PUT /api/roles/:role/permissions", staffOnly({ admin: 200 })),

  // workspace.read: every staff role; workspace.update: admin.
  ...grid("GET /api/workspace", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 })),
  ...grid("PATCH /api/workspace", staffOnly({ admin: 200 })),

  // audit.read: admin, manager.
  ...grid("GET /api/audit-log", staffOnly({ admin: 200, manager: 200 })),

  // CRM. clients.read: every staff role (sales agents and creators see only their clients: a
  // same-workspace record outside that is 404); clients.write: all but creators; clients.delete:
  // admin, manager; clients.export: admin, manager, staff.
  ...grid("GET /api/clients", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 })),
  ...grid("GET /api/clients/export.csv", staffOnly({ admin: 200, manager: 200, staff: 200 })),
  ...grid("POST /api/clients", staffOnly({ admin: 201, manager: 201, staff: 201, sales_agent: 201 })),
  ...grid("POST /api/clients/bulk", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200 })),
  {
    route: "POST /api/clients/bulk",
    role: "sales_agent",
    relation: "same-workspace",
    expect: 200,
    why: "a client the agent cannot see is skipped, not changed",
    setup: async (ctx) => ({ path: "/api/clients/bulk", body: { ids: [(await targetClient(ctx)).id], action: { type: "add_tag", tag: "x" } } }),
  },
  ...crmRecordRows("GET /api/clients/:id", { admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 }),
  ...crmRecordRows("PATCH /api/clients/:id", { admin: 200, manager: 200, staff: 200, sales_agent: 200 }),
  ...crmRecordRows("DELETE /api/clients/:id", { admin: 204, manager: 204 }),
  ...crmRecordRows("PUT /api/clients/:id/assignees", { admin: 200, manager: 200, staff: 200, sales_agent: 200 }),
  ...crmRecordRows("PATCH /api/clients/:id/portal-settings", { admin: 200, manager: 200, staff: 200, sales_agent: 200 }),
  ...grid("GET /api/contacts", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 })),
  ...grid("POST /api/contacts", staffOnly({ admin: 201, manager: 201, staff: 201, sales_agent: 201 })),
  { route: "POST /api/contacts", role: "admin", relation: "foreign", expect: 400, code: "validation_failed", why: "another workspace's client cannot be chosen" },
  { route: "POST /api/contacts", role: "sales_agent", relation: "same-workspace", expect: 400, code: "validation_failed", why: "a client the agent cannot see cannot be chosen" },
  ...crmRecordRows("GET /api/contacts/:id", { admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 }),
  ...crmRecordRows("PATCH /api/contacts/:id", { admin: 200, manager: 200, staff: 200, sales_agent: 200 }),
  ...crmRecordRows("DELETE /api/contacts/:id", { admin: 204, manager: 204, staff: 204, sales_agent: 204 }),
  ...crmRecordRows("POST /api/contacts/:id/invite-to-portal", { admin: 200, manager: 200 }),
  // The contacts export needs clients.export and holds only contacts of clients the caller sees;
  // bulk delete needs clients.write (like the single delete) and skips contacts the caller cannot see.
  ...grid("GET /api/contacts/export.csv", staffOnly({ admin: 200, manager: 200, staff: 200 })),
  { route: "GET /api/contacts/export.csv", role: "admin", relation: "foreign", expect: 200, why: "another workspace's contact is never exported" },
  ...grid("POST /api/contacts/bulk", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200 })),
  { route: "POST /api/contacts/bulk", role: "admin", relation: "foreign", expect: 200, why: "another workspace's contact is skipped as not_found, not deleted" },
  { route: "POST /api/contacts/bulk", role: "sales_agent", relation: "same-workspace", expect: 200, why: "a contact of a client the agent cannot see is skipped, not deleted" },
  ...crmRecordRows("GET /api/activities", { admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 }),
  ...crmRecordRows("POST /api/activities", { admin: 201, manager: 201, staff: 201, sales_agent: 201 }),

  // Custom fields: every staff role reads the definitions (the forms need them); custom_fields.manage
  // (admin) defines them; another workspace's field is 404.
  ...grid("GET /api/custom-fields", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 })),
  ...grid("POST /api/custom-fields", staffOnly({ admin: 201 })),
  ...grid("PATCH /api/custom-fields/:id", staffOnly({ admin: 200 })),
  { route: "PATCH /api/custom-fields/:id", role: "admin", relation: "foreign", expect: 404 },
  ...grid("DELETE /api/custom-fields/:id", staffOnly({ admin: 204 })),
  { route: "DELETE /api/custom-fields/:id", role: "admin", relation: "foreign", expect: 404 },

  // admin.*: admin only.
  ...grid("GET /api/admin/jobs", staffOnly({ admin: 200 })),
  ...grid("POST /api/admin/jobs/:queue/:id/retry", staffOnly({ admin: 200 })),
  { route: "POST /api/admin/jobs/:queue/:id/retry", role: "admin", relation: "foreign", expect: 404 },
  ...grid("GET /api/admin/outbox", staffOnly({ admin: 200 })),
  ...grid("GET /api/admin/system", staffOnly({ admin: 200 })),
  ...grid("POST /api/admin/system/integration-checks", staffOnly({ admin: 200 })),

  // The portal: client users only.
  // Leads. leads.read/write: admin, manager, staff, sales agent (agents reach their own leads);
  // leads.delete: admin, manager; leads.export: admin, manager, staff. Creators and portal clients: none.
  ...grid("GET /api/leads", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200 })),
  ...grid("GET /api/leads/export.csv", staffOnly({ admin: 200, manager: 200, staff: 200 })),
  ...grid("GET /api/leads/workload", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200 })),
  ...grid("POST /api/leads", staffOnly({ admin: 201, manager: 201, staff: 201, sales_agent: 201 })),
  ...grid("POST /api/leads/bulk", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200 })),
  ...leadRecordRows("GET /api/leads/:id", { admin: 200, manager: 200, staff: 200, sales_agent: 200 }),
  ...leadRecordRows("PATCH /api/leads/:id", { admin: 200, manager: 200, staff: 200, sales_agent: 200 }),
  ...leadRecordRows("DELETE /api/leads/:id", { admin: 204, manager: 204 }),
  ...leadRecordRows("POST /api/leads/:id/convert", { admin: 200, manager: 200, staff: 200, sales_agent: 200 }),
  // automations.manage: admin, manager.
  ...grid("GET /api/assignment-rules", staffOnly({ admin: 200, manager: 200 })),
  ...grid("POST /api/assignment-rules", staffOnly({ admin: 201, manager: 201 })),
  ...grid("PUT /api/assignment-rules/order", staffOnly({ admin: 200, manager: 200 })),
  ...grid("PATCH /api/assignment-rules/:id", staffOnly({ admin: 200, manager: 200 })),
  { route: "PATCH /api/assignment-rules/:id", role: "admin", relation: "foreign", expect: 404 },
  ...grid("DELETE /api/assignment-rules/:id", staffOnly({ admin: 204, manager: 204 })),
  { route: "DELETE /api/assignment-rules/:id", role: "admin", relation: "foreign", expect: 404 },
  ...grid("GET /api/automations", staffOnly({ admin: 200, manager: 200 })),
  ...grid("GET /api/automations/actions", staffOnly({ admin: 200, manager: 200 })),
  ...grid("POST /api/automations", staffOnly({ admin: 201, manager: 201 })),
  ...grid("GET /api/automations/:id", staffOnly({ admin: 200, manager: 200 })),
  { route: "GET /api/automations/:id", role: "manager", relation: "foreign", expect: 404 },
  ...grid("PATCH /api/automations/:id", staffOnly({ admin: 200, manager: 200 })),
  { route: "PATCH /api/automations/:id", role: "admin", relation: "foreign", expect: 404 },
  ...grid("DELETE /api/automations/:id", staffOnly({ admin: 204, manager: 204 })),
  { route: "DELETE /api/automations/:id", role: "admin", relation: "foreign", expect: 404 },
  ...grid("GET /api/automations/:id/runs", staffOnly({ admin: 200, manager: 200 })),
  { route: "GET /api/automations/:id/runs", role: "admin", relation: "foreign", expect: 404 },
  ...leadRecordRows("GET /api/leads/:id/automation-runs", { admin: 200, manager: 200, staff: 200, sales_agent: 200 }),

  ...grid("GET /api/portal/overview", { anonymous: 401, admin: 403, manager: 403, staff: 403, sales_agent: 403, creator: 403, client: 200 }),

  // Attachments (feature: attachments). Files follow their client's visibility; uploads, sharing and
  // deletes need write rights on the client (creators are read-only); the portal sees only files
  // shared with its own client.
  ...crmRecordRows("GET /api/attachments", { admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 }),
  ...crmRecordRows("POST /api/attachments", { admin: 201, manager: 201, staff: 201, sales_agent: 201 }),
  { route: "POST /api/attachments", role: "creator", relation: "own", expect: 403, why: "a creator is read-only on a client they are assigned to" },
  ...crmRecordRows("GET /api/attachments/:id/download", { admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 }),
  ...crmRecordRows("PATCH /api/attachments/:id", { admin: 200, manager: 200, staff: 200, sales_agent: 200 }),
  ...crmRecordRows("DELETE /api/attachments/:id", { admin: 204, manager: 204, staff: 204, sales_agent: 204 }),
  ...grid("GET /api/portal/files", { anonymous: 401, admin: 403, manager: 403, staff: 403, sales_agent: 403, creator: 403, client: 200 }),
  ...grid("GET /api/portal/files/:id/download", { anonymous: 401, admin: 403, manager: 403, staff: 403, sales_agent: 403, creator: 403, client: 200 }),
  { route: "GET /api/portal/files/:id/download", role: "client", relation: "foreign", expect: 404, why: "a shared file of another workspace's client" },
  { route: "GET /api/portal/files/:id/download", role: "client", relation: "same-workspace", expect: 404, why: "a shared file of another client in the same workspace" },
  // --- Saved views and global search (feat/views-search) ---
  // Saved views: any staff role with clients.read keeps personal views and sees shared ones; a
  // colleague's personal view is 404; a shared one is edited by its owner, an admin or a manager.
  ...grid("GET /api/saved-views", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 })),
  { route: "GET /api/saved-views", role: "creator", expect: 403, why: "creators lack leads.read, so they have no lead views", setup: async () => ({ path: "/api/saved-views?entityType=lead" }) },
  ...grid("POST /api/saved-views", staffOnly({ admin: 201, manager: 201, staff: 201, sales_agent: 201, creator: 201 })),
  {
    route: "POST /api/saved-views",
    role: "creator",
    expect: 403,
    why: "creators lack deals.read, so they cannot save a deal view",
    setup: async () => ({ path: "/api/saved-views", body: { entityType: "deal", name: "Deals", query: {} } }),
  },
  ...grid("PATCH /api/saved-views/:id", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 })),
  { route: "PATCH /api/saved-views/:id", role: "admin", relation: "foreign", expect: 404 },
  { route: "PATCH /api/saved-views/:id", role: "staff", relation: "foreign", expect: 404 },
  { route: "PATCH /api/saved-views/:id", role: "admin", relation: "same-workspace", expect: 404, why: "a colleague's personal view is private, even to an admin" },
  {
    route: "PATCH /api/saved-views/:id",
    role: "staff",
    expect: 403,
    why: "a colleague's shared view is edited only by its owner, an admin or a manager",
    setup: async (ctx) => ({ path: `/api/saved-views/${(await targetView({ ...ctx, relation: "same-workspace" }, { visibility: "shared" })).id}`, body: { name: "Mine now" } }),
  },
  {
    route: "PATCH /api/saved-views/:id",
    role: "manager",
    expect: 200,
    why: "a manager edits a colleague's shared view",
    setup: async (ctx) => ({
      path: `/api/saved-views/${(await targetView({ ...ctx, relation: "same-workspace" }, { visibility: "shared", ownerId: ctx.home.users.staff.id })).id}`,
      body: { name: `Tidied ${unique()}` },
    }),
  },
  ...grid("DELETE /api/saved-views/:id", staffOnly({ admin: 204, manager: 204, staff: 204, sales_agent: 204, creator: 204 })),
  { route: "DELETE /api/saved-views/:id", role: "admin", relation: "foreign", expect: 404 },
  { route: "DELETE /api/saved-views/:id", role: "sales_agent", relation: "same-workspace", expect: 404, why: "a colleague's personal view is private" },
  {
    route: "DELETE /api/saved-views/:id",
    role: "sales_agent",
    expect: 403,
    why: "a colleague's shared view is deleted only by its owner, an admin or a manager",
    setup: async (ctx) => ({ path: `/api/saved-views/${(await targetView({ ...ctx, relation: "same-workspace" }, { visibility: "shared" })).id}` }),
  },
  // Global search: every staff role with clients.read; each group keeps its own visibility rule (tests/api/search.api.test.ts).
  ...grid("GET /api/search", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 })),

  // Web-to-lead forms (feat/forms). forms.manage: admin, manager; another workspace's form is 404.
  // The public form endpoints need no sign-in (anyone, signed in or not, may read and submit).
  ...grid("GET /api/forms", staffOnly({ admin: 200, manager: 200 })),
  ...grid("POST /api/forms", staffOnly({ admin: 201, manager: 201 })),
  ...grid("GET /api/forms/:id", staffOnly({ admin: 200, manager: 200 })),
  { route: "GET /api/forms/:id", role: "admin", relation: "foreign", expect: 404 },
  { route: "GET /api/forms/:id", role: "manager", relation: "foreign", expect: 404 },
  ...grid("PATCH /api/forms/:id", staffOnly({ admin: 200, manager: 200 })),
  { route: "PATCH /api/forms/:id", role: "admin", relation: "foreign", expect: 404 },
  ...grid("DELETE /api/forms/:id", staffOnly({ admin: 204, manager: 204 })),
  { route: "DELETE /api/forms/:id", role: "admin", relation: "foreign", expect: 404 },
  ...grid("GET /api/public/forms/:publicId", { anonymous: 200, admin: 200, client: 200 }),
  ...grid("POST /api/public/forms/:publicId/submissions", { anonymous: 200, staff: 200, client: 200 }),
  // Pipelines and deals (tests/api/support/authz-matrix-deals.ts).
  ...dealsMatrixRows,

  // Duplicates and merge (feature: duplicates-merge): clients.read to list/compare, clients.write to
  // dismiss; merging clients also needs clients.delete, merging leads leads.write.
  ...grid("GET /api/duplicates", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 })),
  ...crmRecordRows("GET /api/duplicates/compare", { admin: 200, manager: 200, staff: 200, sales_agent: 200, creator: 200 }),
  ...crmRecordRows("POST /api/duplicates/dismiss", { admin: 204, manager: 204, staff: 204, sales_agent: 204 }),
  ...crmRecordRows("POST /api/duplicates/merge", { admin: 200, manager: 200 }),
  {
    route: "POST /api/duplicates/merge",
    role: "sales_agent",
    expect: 200,
    why: "a sales agent merges two of their own leads (leads.write; no clients.delete needed)",
    setup: async (ctx) => ({ path: "/api/duplicates/merge", body: { entityType: "lead", survivorId: (await targetLead(ctx)).id, mergedId: (await targetLead(ctx)).id } }),
  },
  {
    route: "POST /api/duplicates/merge",
    role: "sales_agent",
    relation: "same-workspace",
    expect: 404,
    why: "a lead the agent does not own is invisible to them",
    setup: async (ctx) => ({ path: "/api/duplicates/merge", body: { entityType: "lead", survivorId: (await targetLead({ ...ctx, relation: undefined })).id, mergedId: (await targetLead(ctx)).id } }),
  },

  // CSV imports (feat/imports): imports.run (admin, manager, staff and, for leads only, sales agents
  // by default); an import is seen by its creator, and by admins and managers; another workspace's is 404.
  ...grid("GET /api/imports", staffOnly({ admin: 200, manager: 200, staff: 200, sales_agent: 200 })),
  ...grid("POST /api/imports", staffOnly({ admin: 201, manager: 201, staff: 201, sales_agent: 201 })),
  ...importRecordRows("GET /api/imports/:id", 200),
  ...importRecordRows("PATCH /api/imports/:id", 200),
  ...importRecordRows("POST /api/imports/:id/dry-run", 202),
  ...importRecordRows("POST /api/imports/:id/start", 202),
  ...importRecordRows("POST /api/imports/:id/cancel", 200),
  ...importRecordRows("GET /api/imports/:id/rejects.csv", 200),
  // Contacts: resend a portal invite needs users.invite (admin, manager) and a contact they can see.
  ...crmRecordRows("POST /api/contacts/:id/resend-portal-invite", { admin: 200, manager: 200 }),
  {
    route: "POST /api/imports",
    role: "sales_agent",
    expect: 403,
    why: "sales agents import leads only, though they may write clients",
    setup: async () => ({ path: "/api/imports?entityType=client", upload: { name: "matrix.csv", bytes: Buffer.from("name\nMatrix Client\n") } }),
  },
  {
    route: "POST /api/imports",
    role: "sales_agent",
    expect: 403,
    why: "sales agents import leads only (contacts are written under clients)",
    setup: async () => ({ path: "/api/imports?entityType=contact", upload: { name: "matrix.csv", bytes: Buffer.from("client,first name\nMatrix Client,Ada\n") } }),
  },
  { route: "GET /api/imports/:id", role: "sales_agent", relation: "same-workspace", expect: 404, why: "sales agents see only the imports they started" },

  // The start-up session probe (fix/qa-leftovers): 200 for everyone, `me: null` when signed out.
  ...grid("GET /api/auth/session", { anonymous: 200, ...ANYONE_SIGNED_IN(200) }),

  // Duplicates rescan (perf/duplicate-pairs): admin.jobs (admins by default). Workspace-scoped with no
  // id to forge: a foreign workspace's scan cannot be named, so there is no foreign-record row.
  ...grid("GET /api/duplicates/rescan", staffOnly({ admin: 200 })),
  ...grid("POST /api/duplicates/rescan", staffOnly({ admin: 202 })),

  // Owner pickers (fix/owner-eligibility): `canOwn` filters the team list, it does not widen who may read it.
  ...(["anonymous", "creator", "client", "staff"] as const).map(
    (role): MatrixRow => ({
      route: "GET /api/users",
      role,
      expect: role === "anonymous" ? 401 : role === "staff" ? 200 : 403,
      why: "canOwn=leads asks the same users.read question as the plain list",
      setup: async () => ({ path: "/api/users?canOwn=leads&limit=200" }),
    }),
  ),
];

/** Rows of an import route: role grid, another workspace's import (404), a colleague's import for staff (404). */
function importRecordRows(route: RouteKey, ok: number): MatrixRow[] {
  return [
    ...grid(route, staffOnly({ admin: ok, manager: ok, staff: ok, sales_agent: ok })),
    { route, role: "admin", relation: "foreign", expect: 404 },
    { route, role: "staff", relation: "foreign", expect: 404 },
    { route, role: "staff", relation: "same-workspace", expect: 404, why: "staff see only the imports they started" },
    { route, role: "manager", relation: "same-workspace", expect: ok, why: "managers see every import of the workspace" },
  ];
}

/** An uploaded one-row lead import: the caller's (default), a colleague's (same-workspace) or another workspace's. */
async function targetImport(ctx: RowContext): Promise<{ id: string }> {
  const db = ctx.t.database.db;
  const team = ctx.relation === "foreign" ? ctx.foreign : ctx.home;
  const creator = ctx.relation === "foreign" || ctx.relation === "same-workspace" || !ctx.actor ? team.users.admin : ctx.actor;
  const [row] = await db
    .insert(imports)
    .values({ workspaceId: team.workspace.id, entityType: "lead", fileName: "matrix.csv", headers: ["name"], mapping: ["name"], matchOn: ["email"], totalRows: 1, createdById: creator.id })
    .returning();
  await db.insert(importFiles).values({ importId: row!.id, seq: 0, data: Buffer.from("name\nMatrix Lead\n") });
  return row!;
}


/** Problems with the matrix's coverage of the registry (empty when every rule holds). */
export function coverageProblems(routes: AnyRoute[], rows: MatrixRow[]): string[] {
  const problems: string[] = [];
  const keys = new Set(routes.map(routeKey));
  for (const row of rows) if (!keys.has(row.route)) problems.push(`${row.route}: rows for a route that is not registered`);
  for (const route of routes) {
    const key = routeKey(route);
    const mine = rows.filter((r) => r.route === key);
    if (!routeSpecs[key]) problems.push(`${key}: no request builder in routeSpecs`);
    if (mine.length === 0) {
      problems.push(`${key}: no matrix rows`);
      continue;
    }
    const anon = mine.find((r) => r.role === "anonymous");
    if (!anon) problems.push(`${key}: no anonymous row`);
    else if (route.access.kind !== "public" && anon.expect !== 401) problems.push(`${key}: anonymous row must expect 401`);
    const signedIn = mine.filter((r) => r.role !== "anonymous");
    if (route.access.kind === "staff" && !signedIn.some((r) => r.role === "client" && r.expect === 403)) {
      problems.push(`${key}: staff route needs a 403 row for a portal client`);
    }
    if (route.access.kind === "portal" && !signedIn.some((r) => r.role !== "client" && r.expect === 403)) {
      problems.push(`${key}: portal route needs a 403 row for a staff user`);
    }
    if (route.access.kind === "authenticated") {
      const ok = (r: MatrixRow) => r.expect >= 200 && r.expect < 300;
      if (!signedIn.some((r) => r.role === "client" && ok(r)) || !signedIn.some((r) => r.role !== "client" && ok(r))) {
        problems.push(`${key}: a route for any signed-in user needs success rows for staff and for a portal client`);
      }
    }
    if (/:id\b/.test(route.path) && !mine.some((r) => r.relation === "foreign" && r.expect === 404)) {
      problems.push(`${key}: a route with :id needs a foreign-record row expecting 404`);
    }
    if (route.access.kind !== "public" && !signedIn.some((r) => r.expect >= 200 && r.expect < 300)) {
      problems.push(`${key}: no row shows a caller who is allowed`);
    }
  }
  return problems;
}
