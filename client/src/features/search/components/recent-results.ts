import type { SearchResult } from "@shared/contracts/search";

const KEY = "agency-os.search.recent";
const MAX = 6;

/** Records recently opened from the palette (this browser only). */
export function readRecent(): SearchResult[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r): r is SearchResult => !!r && typeof r === "object" && typeof r.id === "string" && typeof r.title === "string" && typeof r.href === "string" && r.href.startsWith("/"),
    );
  } catch {
    return [];
  }
}

/** Puts a result first in the recent list. */
export function rememberRecent(result: SearchResult): void {
  try {
    const next = [result, ...readRecent().filter((r) => !(r.type === result.type && r.id === result.id))].slice(0, MAX);
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage unavailable: nothing to remember.
  }
}
