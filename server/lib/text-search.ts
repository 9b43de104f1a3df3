import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { PAGE_LIMIT_DEFAULT } from "../../shared/constants/limits";

/**
 * List and palette search over a table's two precomputed, indexed search columns:
 * - `document`: a `tsvector` (GIN) for full text with web-search syntax (`"a b"`, `-x`, `or`);
 * - `text`: the same fields lower-cased in one text column (trigram GIN, `gin_trgm_ops`).
 *
 * A search runs in one of two modes, decided once per search:
 * - `exact`: full text, or the term as a fragment of the text (`like '%term%'`). One condition per
 *   column, so PostgreSQL can walk the list's sort index with the LIMIT when the fragment is common
 *   and take the trigram/tsvector bitmaps when it is rare;
 * - `typo`: the exact matches plus those where the term is close to a word of the text (`<%`, word
 *   similarity ≥ `pg_trgm.word_similarity_threshold`, 0.6 by default). It cannot stop early (most
 *   rows share a trigram or two with any term), so it runs only when exact finds fewer than
 *   `TYPO_FALLBACK_BELOW` records: then the matches are few and the trigram index answers quickly.
 *
 * Lists carry the mode in their cursor (`withSearchMode`) so every page of one search uses the same
 * condition and keyset pages stay consistent. Plans depend on the term (common or rare fragment):
 * search queries are run as unnamed statements so PostgreSQL plans each with its actual values.
 */
export type SearchMode = "exact" | "typo";

export interface SearchColumns {
  /** The `tsvector` document. */
  document: SQLWrapper;
  /** The lower-cased search text (trigram indexed). */
  text: SQLWrapper;
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

const tsQuery = (term: unknown) => sql`websearch_to_tsquery('simple', ${term})`;

/** The rows matching the term in the given mode. */
export function searchCondition(cols: SearchColumns, mode: SearchMode, p: SearchParams): SQL {
  const exact = sql`${cols.document} @@ ${tsQuery(p.term)} or ${cols.text} like ${p.pattern}`;
  return mode === "exact" ? sql`(${exact})` : sql`(${exact} or lower(${p.term}::text) <% ${cols.text})`;
}

/** Relevance (full-text rank plus closeness of the term to a word of the text), rounded so a cursor round-trips it exactly. */
export function searchRelevance(cols: SearchColumns, term: unknown): SQL<string> {
  return sql<string>`round((ts_rank(${cols.document}, ${tsQuery(term)}) + word_similarity(lower(${term}::text), ${cols.text}))::numeric, 6)`;
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
