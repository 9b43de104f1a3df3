import type { Db } from "./client";

const statements = new WeakMap<Db, Map<string, unknown>>();

/**
 * A prepared statement per database handle and query shape, built once. Drizzle spends more time
 * building a query than PostgreSQL spends running a keyset page (measured: 0.42 ms vs 0.17 ms), so
 * hot list queries are prepared per shape (which filters are present), with values as placeholders.
 * `shape` must determine the SQL text completely: it doubles as the statement name.
 */
export function preparedStatement<T>(db: Db, shape: string, build: (name: string) => T): T {
  let byShape = statements.get(db);
  if (!byShape) {
    byShape = new Map();
    statements.set(db, byShape);
  }
  let stmt = byShape.get(shape) as T | undefined;
  if (!stmt) {
    stmt = build(shape);
    byShape.set(shape, stmt);
  }
  return stmt;
}
