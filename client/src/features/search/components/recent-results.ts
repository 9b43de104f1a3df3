import type { SearchResult } from "@shared/contracts/search";

const MAX = 6;
// Per user: someone else signing in on this browser must not see what the last user opened.
const keyOf = (userId: string) => `agency-os.search.recent.${userId}`;

/** Records the user recently opened from the palette (this browser only). */
export function readRecent(userId: string): SearchResult[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyOf(userId)) ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r): r is SearchResult => !!r && typeof r === "object" && typeof r.id === "string" && typeof r.title === "string" && typeof r.href === "string" && r.href.startsWith("/"),
    );
  } catch {
    return [];
  }
}

/** Puts a result first in the recent list. */
export function rememberRecent(userId: string, result: SearchResult): void {
  try {
    const next = [result, ...readRecent(userId).filter((r) => !(r.type === result.type && r.id === result.id))].slice(0, MAX);
    localStorage.setItem(keyOf(userId), JSON.stringify(next));
  } catch {
    // Storage unavailable: nothing to remember.
  }
}
