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

/**
 * The connection behind a Drizzle handle: inside `withTransaction` the transaction's own client, so
 * code that only holds `db` can still enqueue a job that commits or vanishes with its change.
 */
export function txOf(db: Db): Pick<Tx, "client"> {
  // drizzle() returns the handle with `$client` (the pg client it was given); `Db` leaves it out of the type.
  const client = (db as Db & { $client?: pg.PoolClient }).$client;
  if (!client) throw new Error("this Drizzle handle exposes no $client");
  return { client };
}
