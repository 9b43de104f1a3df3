import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { PAGE_LIMIT_DEFAULT } from "../../shared/constants/limits";
import { AppError } from "../../shared/errors";
import { keysetPages } from "./csv-stream";
import { decodeCursor } from "./pagination";

/**
 * List and palette search over a table's precomputed, indexed search columns:
 * - `text`: the searchable fields lower-cased in one generated column (trigram GIN, `gin_trgm_ops`);
 * - `document`: the same fields as a `tsvector` (GIN) for web-search syntax (`"a b"`, `-x`, `or`);
 * - `typo`: the short fields worth a typo match (names), each with its own trigram GIN index.
 *
 * A search runs in one of two modes, decided once per search:
 * - `exact`: the term as a fragment of the text (`like '%term%'`), or, for several words or search
 *   syntax, full text as well. A single word needs no full text: every lexeme `simple` makes of it is
 *   a fragment of the lower-cased text. One indexable condition per column lets PostgreSQL walk the
 *   list's sort index with the LIMIT when the fragment is common (estimated from the column's
 *   statistics) and take the trigram bitmap when it is rare;
 * - `typo`: the exact matches plus those where the term is close to a word of a typo field (`<%`,
 *   word similarity ≥ `pg_trgm.word_similarity_threshold`, 0.6 by default). Similarity costs far more
 *   per row than a fragment match, so this mode runs only when exact finds fewer than
 *   `TYPO_FALLBACK_BELOW` records.
 *
 * Lists carry the mode in their cursor (`withSearchMode`) so every page of one search uses the same
 * condition and keyset pages stay consistent. A search's best plan depends on its term, so callers run
 * search queries as unnamed statements, planned with the actual values.
 */
export type SearchMode = "exact" | "typo";

export interface SearchColumns {
  /** The lower-cased search text (trigram indexed). */
  text: SQLWrapper;
  /** The record's lower-cased name (relevance: a name that starts with the term ranks first). */
  name: SQLWrapper;
  /** The `tsvector` document (GIN indexed). */
  document: SQLWrapper;
  /** Lower-cased expressions matched with typo tolerance, each trigram indexed. */
  typo: SQLWrapper[];
}

/** Exact matches below this many records switch a search to typo mode (one default page). */
export const TYPO_FALLBACK_BELOW = PAGE_LIMIT_DEFAULT;

/** The term's parameters: `term` for full text and similarity, `pattern` for the fragment match. */
export interface SearchParams {
  term: unknown;
  pattern: unknown;
}

/** The `like` pattern matching the term anywhere in the (lower-cased) search text. */
export function searchPattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// One word (letters, digits and the joiners of emails, phones and hyphenated names), no search syntax.
const SINGLE_WORD = /^[\p{L}\p{N}@.+_][\p{L}\p{N}@.+_'-]*$/u;

/** Whether the term needs the full-text document (several words or search syntax) besides the fragment match. */
export function needsFullText(term: string): boolean {
  return !SINGLE_WORD.test(term);
}

/** The part of a prepared statement's shape the search decides (its SQL differs per mode and full text). */
export function searchShape(term: string, mode: SearchMode): string {
  return `q${mode === "typo" ? "t" : "e"}${needsFullText(term) ? "f" : ""}`;
}

const tsQuery = (term: unknown) => sql`websearch_to_tsquery('simple', ${term})`;

/** The rows matching the term in the given mode (`fullText` from `needsFullText(term)`). */
export function searchCondition(cols: SearchColumns, mode: SearchMode, p: SearchParams, fullText: boolean): SQL {
  const arms = [sql`${cols.text} like ${p.pattern}`];
  if (fullText) arms.push(sql`${cols.document} @@ ${tsQuery(p.term)}`);
  if (mode === "typo") arms.push(...cols.typo.map((expr) => sql`lower(${p.term}::text) <% ${expr}`));
  return sql`(${sql.join(arms, sql` or `)})`;
}

/**
 * Relevance, higher first: one point each for the term as a whole word (full text), as the start of a
 * word of the text, and as the start of the name; in typo mode plus the closest typo field's word
 * similarity (0–1). Points cost a few microseconds a row where similarity costs ~10, and sorting by
 * relevance scores every match. Rounded so a cursor round-trips it exactly.
 */
export function searchRelevance(cols: SearchColumns, mode: SearchMode, term: unknown): SQL<string> {
  const lowerTerm = sql`lower(${term}::text)`;
  const points = sql`(${cols.document} @@ ${tsQuery(term)})::int + (strpos(' ' || ${cols.text}, ' ' || ${lowerTerm}) > 0)::int + starts_with(${cols.name}, ${lowerTerm})::int`;
  if (mode === "exact") return sql<string>`round((${points})::numeric, 6)`;
  const closeness = cols.typo.map((expr) => sql`coalesce(word_similarity(${lowerTerm}, ${expr}), 0)`);
  return sql<string>`round((${points} + greatest(${sql.join(closeness, sql`, `)}))::numeric, 6)`;
}

/**
 * Runs a search: `exact` first, then `typo` when exact found fewer than `TYPO_FALLBACK_BELOW` rows.
 * `fetch(mode, n)` returns up to `n` rows; the answer has up to `limit` rows and the mode it used.
 */
export async function searchWithFallback<R>(limit: number, fetch: (mode: SearchMode, n: number) => Promise<R[]>): Promise<{ rows: R[]; mode: SearchMode }> {
  const rows = await fetch("exact", Math.max(limit, TYPO_FALLBACK_BELOW));
  if (rows.length >= TYPO_FALLBACK_BELOW) return { rows: rows.slice(0, limit), mode: "exact" };
  return { rows: await fetch("typo", limit), mode: "typo" };
}

// A base64url cursor never contains ".", so the prefix cannot be mistaken for cursor data.
const TYPO_PREFIX = "typo.";

/** The cursor of a search page, marked with the search's mode (exact cursors stay as they are). */
export function withSearchMode(cursor: string, mode: SearchMode): string {
  return mode === "typo" ? `${TYPO_PREFIX}${cursor}` : cursor;
}

/** Splits a list cursor into the search mode it carries and the keyset cursor itself. */
export function readSearchMode(cursor: string): { mode: SearchMode; cursor: string } {
  return cursor.startsWith(TYPO_PREFIX) ? { mode: "typo", cursor: cursor.slice(TYPO_PREFIX.length) } : { mode: "exact", cursor };
}

/** One keyset page of a searchable list (limit + 1 rows) and the search mode its next cursor must carry. */
export interface SearchedPage<R> {
  rows: R[];
  searchMode: SearchMode;
}

/**
 * A searchable list's page: without a term, `fetch` once; on a later page, in the mode its cursor
 * carries (the cursor handed on without the mode); on a search's first page, exact then typo when
 * exact finds too few (`searchWithFallback`). `fetch(mode, cursor, n)` returns up to `n` rows.
 */
export async function searchedPage<R>(
  term: string | undefined,
  cursor: string | undefined,
  fetchLimit: number,
  fetch: (mode: SearchMode, cursor: string | undefined, n: number) => Promise<R[]>,
): Promise<SearchedPage<R>> {
  if (!term) return { rows: await fetch("exact", cursor, fetchLimit), searchMode: "exact" };
  if (cursor) {
    const read = readSearchMode(cursor);
    return { rows: await fetch(read.mode, read.cursor, fetchLimit), searchMode: read.mode };
  }
  const { rows, mode } = await searchWithFallback(fetchLimit, (m, n) => fetch(m, undefined, n));
  return { rows, searchMode: mode };
}

/**
 * `keysetPages` for a searchable list (CSV exports): every batch after the first continues in the
 * mode the first one chose, so the export holds exactly what the list's pages hold.
 */
export function searchedKeysetPages<R>(
  fetch: (cursor: string | undefined, limit: number) => Promise<SearchedPage<R>>,
  batch: number,
  cursorOf: (last: R) => string,
): AsyncGenerator<R[]> {
  let searchMode: SearchMode = "exact";
  return keysetPages(
    async (cursor, limit) => {
      const page = await fetch(cursor, limit);
      searchMode = page.searchMode;
      return page.rows;
    },
    batch,
    (last) => withSearchMode(cursorOf(last), searchMode),
  );
}

/**
 * How many matches "best match" ranks: the newest this many (a walk of the date index with a LIMIT
 * when the fragment is common, the trigram bitmap when it is rare). Ranking every match of a
 * fragment shared by 25,000 of 1,000,000 leads cost ~170 ms a page; the window costs about what the
 * newest-first page costs (bench/README.md). Matches older than the window follow it, newest first.
 */
export const RELEVANCE_WINDOW = 200;
const NEWEST = "newest";

/** A keyset position `[sort value, id]` (a rank, or a creation time as microsecond ISO text). */
export type KeysetPosition = [string, string];

/** What a best-match first page adds to each row: the window's oldest match and its size. */
export interface WindowedRow {
  windowAt: string;
  windowId: string;
  windowSize: number;
}

/** A best-match cursor: in the ranked window (`[rank, id, windowAt, windowId]`) or past it (`["newest", createdAt, id]`). */
export type RelevanceCursor = { phase: "ranked"; after: KeysetPosition; window: KeysetPosition | null } | { phase: "newest"; after: KeysetPosition };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);
const isTime = (v: unknown): v is string => typeof v === "string" && !Number.isNaN(Date.parse(v));

/** Decodes a best-match cursor; anything else is a 400 invalid_cursor. */
export function decodeRelevanceCursor(cursor: string): RelevanceCursor {
  const invalid = new AppError("invalid_cursor", undefined, { issues: [{ path: "query.cursor", message: "Invalid cursor" }] });
  let values: unknown[];
  try {
    values = decodeCursor(cursor, 4);
  } catch {
    values = decodeCursor(cursor, 3);
  }
  if (values.length === 3) {
    const [phase, at, id] = values;
    if (phase !== NEWEST || !isTime(at) || !isUuid(id)) throw invalid;
    return { phase: "newest", after: [at, id] };
  }
  const [rank, id, windowAt, windowId] = values;
  if (typeof rank !== "string" || !/^\d{1,3}(\.\d{1,6})?$/.test(rank) || !isUuid(id)) throw invalid;
  if (windowAt === null && windowId === null) return { phase: "ranked", after: [rank, id], window: null };
  if (!isTime(windowAt) || !isUuid(windowId)) throw invalid;
  return { phase: "ranked", after: [rank, id], window: [windowAt, windowId] };
}

/**
 * A page (up to `fetchLimit` rows) of "best match": the newest `RELEVANCE_WINDOW` matches ranked,
 * then the older matches newest first. The list supplies three statements:
 * - `first(n)`: the window ranked (rank desc, id desc), each row with `WindowedRow`;
 * - `ranked(after, window, n)`: matches from the window's oldest on (an index range; all matches
 *   when `window` is null), ranked, after `[rank, id]`;
 * - `newest(after, n)`: matches before `[createdAt, id]`, newest first.
 * Rows carry `sortValue`: the rank as text, past the window the creation time. The window's oldest
 * match, found on the first page, rides in every cursor, so each page ranks the same rows. Each row
 * comes with its own cursor values (`cursorValues`).
 */
export async function bestMatchPage<R extends { sortValue?: string | null; id: string }>(
  cursor: string | undefined,
  fetchLimit: number,
  fetch: {
    first: (n: number) => Promise<(R & WindowedRow)[]>;
    ranked: (after: KeysetPosition, window: KeysetPosition | null, n: number) => Promise<R[]>;
    newest: (after: KeysetPosition, n: number) => Promise<R[]>;
  },
): Promise<(R & { cursorValues: (string | null)[] })[]> {
  const read = cursor ? decodeRelevanceCursor(cursor) : undefined;
  const newest = async (after: KeysetPosition, n: number) => (await fetch.newest(after, n)).map((r) => ({ ...r, cursorValues: [NEWEST, r.sortValue ?? null, r.id] }));
  if (read?.phase === "newest") return newest(read.after, fetchLimit);
  let window: KeysetPosition | null;
  let ranked: R[];
  if (read) {
    window = read.window;
    ranked = await fetch.ranked(read.after, window, fetchLimit);
  } else {
    const first = await fetch.first(fetchLimit);
    // A full window may leave older matches; a smaller one holds them all.
    window = first[0] && first[0].windowSize >= RELEVANCE_WINDOW ? [first[0].windowAt, first[0].windowId] : null;
    // Without the window's three fields a row is the list's row again (TypeScript cannot see an Omit of them as R).
    ranked = first.map(({ windowAt: _at, windowId: _id, windowSize: _size, ...row }) => row as unknown as R);
  }
  const rows = ranked.map((r) => ({ ...r, cursorValues: [r.sortValue ?? null, r.id, window?.[0] ?? null, window?.[1] ?? null] }));
  if (rows.length < fetchLimit && window) rows.push(...(await newest(window, fetchLimit - rows.length)));
  return rows;
}
