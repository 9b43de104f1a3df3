import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { AppError } from "../../shared/errors";

export interface Page<T> {
  data: T[];
  meta: { nextCursor: string | null };
}

type CursorValue = string | number | null;

/** Encodes the last row's sort key as an opaque cursor. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** Decodes a cursor made by `encodeCursor`; a tampered or stale one is a 400 invalid_cursor. */
export function decodeCursor(cursor: string, length: number): CursorValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => v === null || typeof v === "string" || typeof v === "number")
    ) {
      return values as CursorValue[];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("invalid_cursor", undefined, { issues: [{ path: "query.cursor", message: "Invalid cursor" }] });
}

/**
 * Keyset condition "after this row" for ORDER BY (sortExpr dir, id dir): a row-value comparison
 * PostgreSQL can answer from a matching index, so a deep page costs the same as the first.
 */
export function keysetAfter(
  sortExpr: SQLWrapper,
  idExpr: SQLWrapper,
  order: "asc" | "desc",
  after: [CursorValue | SQLWrapper, string | SQLWrapper],
): SQL {
  const [value, id] = after;
  return order === "asc" ? sql`(${sortExpr}, ${idExpr}) > (${value}, ${id})` : sql`(${sortExpr}, ${idExpr}) < (${value}, ${id})`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a `[sortValue, id]` cursor, checking the id is a UUID (and the value a date when `isTime`). */
export function decodeKeysetCursor(cursor: string, isTime = false): [string, string] {
  const [value, id] = decodeCursor(cursor, 2);
  const valid = typeof id === "string" && UUID.test(id) && typeof value === "string" && (!isTime || !Number.isNaN(Date.parse(value)));
  if (!valid) throw new AppError("invalid_cursor", undefined, { issues: [{ path: "query.cursor", message: "Invalid cursor" }] });
  return [value, id];
}

/** Decodes an `[id]` cursor (newest-first lists ordered by UUIDv7 id). */
export function decodeIdCursor(cursor: string): string {
  const [id] = decodeCursor(cursor, 1);
  if (typeof id !== "string" || !UUID.test(id)) throw new AppError("invalid_cursor", undefined, { issues: [{ path: "query.cursor", message: "Invalid cursor" }] });
  return id;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only signals that there is a next page. */
export function toPage<R, T>(rows: R[], limit: number, cursorOf: (row: R) => CursorValue[], present: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(present),
    meta: { nextCursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null },
  };
}
