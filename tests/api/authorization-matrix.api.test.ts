import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpMethod } from "../../server/http/define-route";
import { apiRoutes } from "../../server/http/route-registry";
import { PERMISSION_KEYS, PORTAL_PERMISSIONS, type Role } from "../../shared/constants/roles";
import { buildTeam, buildUser, type FactoryUser } from "../factories";
import { type ApiClient, anonymous, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import {
  coverageProblems,
  defaultCode,
  type MatrixRow,
  matrix,
  type RowContext,
  routeKey,
  routeSpecs,
  type Team,
} from "./support/authz-matrix";

let t: TestApp;
let home: Team;
let foreign: Team;
const signedIn = new Map<Role, ApiClient>();

beforeAll(async () => {
  // SMTP points at a closed port so queued emails fail for real and dead-letter (for the job retry rows).
  t = await createTestApp({ SMTP_URL: "smtp://127.0.0.1:1", INTEGRATION_TIMEOUT_MS: "500" });
  [home, foreign] = await Promise.all([buildTeam(t.database.db), buildTeam(t.database.db)]);
});
afterAll(async () => {
  await t?.close();
});

/** Fills a registry path with syntactically valid placeholder params. */
function placeholderPath(path: string): string {
  return `/api${path}`.replace(/:id\b/g, randomUUID()).replace(/:role\b/g, "staff").replace(/:queue\b/g, "email.send");
}

// Dead-lettered email jobs per workspace, made once on first use: forgot-password emails that fail on
// the closed SMTP port through every retry.
let deadJobPool: Promise<Map<string, { queue: string; id: string }[]>> | undefined;
function buildDeadJobPool(): Promise<Map<string, { queue: string; id: string }[]>> {
  deadJobPool ??= (async () => {
    const rows = matrix.filter((r) => r.route === "POST /api/admin/jobs/:queue/:id/retry");
    const wanted = [
      { ws: home.workspace.id, n: rows.filter((r) => r.relation !== "foreign").length },
      { ws: foreign.workspace.id, n: rows.filter((r) => r.relation === "foreign").length },
    ];
    for (const { ws, n } of wanted) {
      for (let i = 0; i < n; i++) {
        const user = await buildUser(t.database.db, { workspaceId: ws });
        const res = await anonymous(t).post("/api/auth/forgot-password", { email: user.email });
        expect(res.status).toBe(202);
      }
    }
    await t.ctx.jobs.drain({ includeDelayed: true });
    const overview = await t.ctx.jobs.overview();
    const pool = new Map<string, { queue: string; id: string }[]>();
    for (const job of overview.failed.filter((j) => j.queue === "email.send.dead")) {
      const { outboxId } = job.data as { outboxId: string };
      const { rows: found } = await t.database.pool.query<{ workspace_id: string }>("SELECT workspace_id FROM email_outbox WHERE id = $1", [outboxId]);
      const ws = found[0]!.workspace_id;
      pool.set(ws, [...(pool.get(ws) ?? []), { queue: job.queue, id: job.id }]);
    }
    for (const { ws, n } of wanted) expect(pool.get(ws)?.length ?? 0).toBeGreaterThanOrEqual(n);
    return pool;
  })();
  return deadJobPool;
}

async function clientFor(role: Role, fresh: boolean): Promise<{ actor: FactoryUser; client: ApiClient }> {
  if (fresh) {
    const actor = await buildUser(t.database.db, {
      workspaceId: home.workspace.id,
      role,
      ...(role === "client" ? { clientId: home.client.id } : {}),
    });
    return { actor, client: await loginAs(t, actor) };
  }
  const actor = home.users[role];
  let client = signedIn.get(role);
  if (!client) {
    client = await loginAs(t, actor);
    signedIn.set(role, client);
  }
  return { actor, client };
}

async function contextFor(row: MatrixRow): Promise<RowContext> {
  const spec = routeSpecs[row.route]!;
  const caller = row.role === "anonymous" ? { actor: undefined, client: anonymous(t) } : await clientFor(row.role, spec.freshActor === true);
  return {
    t,
    home,
    foreign,
    role: row.role,
    relation: row.relation,
    ...caller,
    login: (user) => loginAs(t, user),
    deadJob: async (workspaceId) => {
      const job = (await buildDeadJobPool()).get(workspaceId)?.shift();
      if (!job) throw new Error("dead-job pool exhausted: add jobs for the new rows");
      return job;
    },
  };
}

/** The reason a row holds, from the route's declared access when the row gives none. */
function reason(row: MatrixRow): string {
  if (row.why) return row.why;
  const access = apiRoutes.find((r) => routeKey(r) === row.route)?.access;
  const ok = row.expect < 400;
  if (row.role === "anonymous") return ok ? "public route" : "not signed in";
  if (row.relation === "foreign") return "a record of another workspace";
  if (row.relation === "own") return ok ? "their own record" : "their own record is refused";
  if (row.relation === "same-workspace") return ok ? "a colleague's record" : "a colleague's record is refused";
  switch (access?.kind) {
    case "authenticated":
      return "any signed-in user";
    case "portal":
      return ok ? "a portal client" : "the portal is for client accounts";
    case "staff":
      if (ok) return `holds ${access.permission}`;
      return row.role === "client" ? "portal clients never reach staff routes" : `lacks ${access.permission}`;
    default:
      return "";
  }
}

function rowName(row: MatrixRow): string {
  const code = row.expect >= 400 ? (row.code ?? defaultCode(row.expect) ?? "error") : "ok";
  const who = row.role === "anonymous" ? "anonymous caller" : row.role;
  return `${row.expect} ${code} for ${who}: ${reason(row)}${row.knownBug ? ` [known server bug: ${row.knownBug}]` : ""}`;
}

describe("route registry", () => {
  it("every route declares an access rule, and staff routes a staff permission", () => {
    const bad = apiRoutes
      .filter((r) => {
        const access = r.access as { kind?: string; permission?: string } | undefined;
        if (!access || !["public", "authenticated", "staff", "portal"].includes(access.kind ?? "")) return true;
        if (access.kind !== "staff") return false;
        const permission = access.permission as (typeof PERMISSION_KEYS)[number];
        return !PERMISSION_KEYS.includes(permission) || PORTAL_PERMISSIONS.includes(permission);
      })
      .map(routeKey);
    expect(bad).toEqual([]);
  });

  it("401 unauthenticated for every non-public route when called anonymously", async () => {
    const results: string[] = [];
    for (const route of apiRoutes.filter((r) => r.access.kind !== "public")) {
      const res = await anonymous(t).request(route.method, placeholderPath(route.path), route.method === "get" ? undefined : {});
      results.push(`${routeKey(route)} → ${res.status} ${res.body?.error?.code}`);
    }
    expect(results.filter((r) => !r.endsWith("→ 401 unauthenticated"))).toEqual([]);
    expect(results.length).toBeGreaterThan(0);
  });

  it("every registered route has matrix rows: anonymous, wrong role, allowed caller and (for :id) a foreign record", () => {
    expect(coverageProblems(apiRoutes, matrix)).toEqual([]);
  });

  it("the coverage check fails for a route that has no rows", () => {
    const unlisted = { ...apiRoutes[0]!, path: "/not-in-the-matrix/:id" };
    expect(coverageProblems([unlisted], matrix)).toContain(`${routeKey(unlisted)}: no matrix rows`);
  });
});

const keys = [...new Set([...apiRoutes.map(routeKey), ...matrix.map((r) => r.route)])];
for (const key of keys) {
  const rows = matrix.filter((r) => r.route === key);
  describe(key, () => {
    for (const row of rows) {
      // Rows exposing a known server bug run as it.fails; MATRIX_SHOW_BUGS=1 runs them plainly to show the failure.
      const test = row.knownBug && !process.env.MATRIX_SHOW_BUGS ? it.fails : it;
      test(rowName(row), async () => {
        const spec = routeSpecs[row.route];
        if (!spec) throw new Error(`no request builder for ${row.route}`);
        const ctx = await contextFor(row);
        const req = await (row.setup ?? spec.build)(ctx);
        const method = row.route.split(" ")[0]!.toLowerCase() as HttpMethod;
        const res = req.upload ? await ctx.client.upload(req.path, req.upload) : await ctx.client.request(method, req.path, req.body);
        expect({ status: res.status, body: res.status === row.expect ? undefined : res.body }).toEqual({ status: row.expect, body: undefined });
        if (row.expect >= 400) {
          expect(res.body.error.code).toBe(row.code ?? defaultCode(row.expect));
        } else {
          await spec.verify?.(res, ctx);
        }
      });
    }
  });
}
