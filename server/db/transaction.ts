import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { Db } from "./client";
import * as schema from "./schema";

/** A transaction: a Drizzle handle plus the raw client (pg-boss enqueues through it). */
export interface Tx {
  db: Db;
  client: pg.PoolClient;
}

/**
 * Runs `fn` in one transaction on a dedicated connection, committing on success and rolling back on
 * any throw. Jobs enqueued through `tx.client` commit or vanish with the change that caused them.
 */
export async function withTransaction<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const db = drizzle({ client, schema }) as unknown as Db;
    const result = await fn({ db, client });
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
