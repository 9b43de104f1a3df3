import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "../../../server/db/embedded";
import { createTestDatabase } from "../../setup/test-db";

export interface RunningApp {
  url: string;
  databaseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real single process (`node --import tsx server/index.ts`, serving the built client)
 * on a cloned test database, seeded with the demo agency, with mail captured to the outbox.
 */
export async function startAppProcess(env: Record<string, string> = {}): Promise<RunningApp> {
  const db = await createTestDatabase();
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: path.resolve(import.meta.dirname, "../../.."),
    env: {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      SMTP_URL: "",
      RATE_LIMIT_SENSITIVE_MAX: "1000",
      RATE_LIMIT_ANON_MAX: "10000",
      JOBS_POLL_SECONDS: "0.5",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`);
    const ok = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  if (Date.now() >= deadline) throw new Error(`app did not become ready:\n${output}`);
  return {
    url,
    databaseUrl: db.url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      }
      await db.drop();
    },
  };
}
