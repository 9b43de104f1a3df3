import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../server/auth/password";
import { freePort, startEmbeddedPostgres } from "../server/db/embedded";

// What every bench script needs: a database of its own (on BENCH_DATABASE_URL / TEST_DATABASE_URL or
// an embedded cluster), the real app started the way production runs it, and a signed-in session.

export const BENCH_PASSWORD = "Bench-password-2026!";
export const BENCH_ADMIN_EMAIL = "bench-admin@bench.test";

/** Resolves once the child prints `pattern` (stdout or stderr); rejects on timeout or early exit. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      if (pattern.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`process exited early (${code})`)));
  });
}

export interface BenchDatabase {
  /** The bench's own database. */
  databaseUrl: string;
  dbName: string;
  /** A scratch folder removed by `dispose` (also holds the embedded cluster, if any). */
  tmp: string;
  /** Drops the database (unless `keep`), stops the embedded cluster, removes `tmp`. */
  dispose(opts?: { keep?: boolean }): Promise<void>;
}

/** A new database named `aos_<prefix>_<time>`, or the existing `reuse` one (a plain name). */
export async function openBenchDatabase(prefix: string, opts: { reuse?: string } = {}): Promise<BenchDatabase> {
  if (opts.reuse && !/^[a-z0-9_]+$/.test(opts.reuse)) throw new Error("the database to reuse must be a plain name");
  const tmp = await mkdtemp(path.join(os.tmpdir(), `aos-${prefix}-`));
  let adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    // mkdtemp makes the folder 0700; the postgres OS user (when run as root) must traverse it.
    await chmod(tmp, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, "data"), ephemeral: true, database: "postgres" });
    adminUrl = embedded.connectionString;
    stopEmbedded = embedded.stop;
  }
  const dbName = opts.reuse ?? `aos_${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!opts.reuse) await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return {
    databaseUrl: url.toString(),
    dbName,
    tmp,
    async dispose({ keep = false } = {}) {
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      if (stopEmbedded) await stopEmbedded();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/** A workspace with the default role permissions and an admin who signs in with BENCH_PASSWORD. */
export async function createBenchAdmin(pool: pg.Pool): Promise<{ workspaceId: string; userId: string; email: string; password: string }> {
  const ws = (await pool.query<{ id: string }>("INSERT INTO workspaces (id, name) VALUES (gen_random_uuid(), 'Bench Agency') RETURNING id")).rows[0]!.id;
  await pool.query("INSERT INTO role_permissions (workspace_id, role, permission) SELECT $1, role, permission FROM role_permission_defaults", [ws]);
  const user = await pool.query<{ id: string }>(
    "INSERT INTO users (id, workspace_id, email, name, role, status, password_hash) VALUES (gen_random_uuid(), $1, $2, 'Bench Admin', 'admin', 'active', $3) RETURNING id",
    [ws, BENCH_ADMIN_EMAIL, await hashPassword(BENCH_PASSWORD)],
  );
  return { workspaceId: ws, userId: user.rows[0]!.id, email: BENCH_ADMIN_EMAIL, password: BENCH_PASSWORD };
}

export interface BenchApp {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/api` */
  api: string;
  stop(): Promise<void>;
}

/**
 * The real app (`NODE_ENV=production`, built client, demo seed off) on a free port, behind a
 * simulated TLS proxy (production cookies are Secure). `nodeArgs` go to Node, `env` over the defaults.
 */
export async function startBenchApp(databaseUrl: string, opts: { env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<BenchApp> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", "server/index.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      APP_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: "bench-session-secret-bench-session-secret",
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "false",
      TRUST_PROXY: "loopback",
      RATE_LIMIT_SENSITIVE_MAX: "1000",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForOutput(child, /is running at/, 180_000);
  return {
    child,
    api: `http://127.0.0.1:${port}/api`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit").catch(() => undefined);
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Signs a user in and returns the headers of their session (cookie, proxy header, CSRF token). */
export async function benchSession(api: string, email: string, password: string): Promise<Record<string, string>> {
  const login = await fetch(`${api}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`bench login failed for ${email}: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie: (login.headers.get("set-cookie") ?? "").split(";")[0]!, "x-forwarded-proto": "https", "x-csrf-token": csrfToken };
}
