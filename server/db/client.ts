import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { isDatabaseShutdown, logger } from "../lib/logger";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A Drizzle handle: the pool-backed db or a transaction. Repositories accept either. */
export type Db = NodePgDatabase<Schema>;

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  connectionString: string;
  max?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

// Return int8 (COUNT(*)) as a JS number; counts here never pass 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

/** Opens the pool; an idle-client error (e.g. a database restart) is logged, never thrown. */
export function createDatabase(opts: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    statement_timeout: opts.statementTimeoutMs ?? 15_000,
    application_name: opts.applicationName ?? "agency-os",
  });
  pool.on("error", (err) => {
    if (isDatabaseShutdown(err)) logger.warn({ code: (err as { code?: string }).code }, "postgres: the database closed an idle connection (restart or shutdown); reconnecting on next use");
    else logger.error({ err }, "postgres pool: idle client error (will reconnect on next use)");
  });
  const db = drizzle({ client: pool, schema });
  return {
    pool,
    db,
    close: () => pool.end(),
  };
}
