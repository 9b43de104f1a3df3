import { describe, expect, it } from "vitest";
import { needsFullText, readSearchMode, searchedPage, searchPattern, searchWithFallback, TYPO_FALLBACK_BELOW, withSearchMode } from "../../server/lib/text-search";

describe("text search", () => {
  it("matches one word as a fragment only, and sends several words or search syntax through full text too", () => {
    for (const word of ["lovel", "Lumière", "ada.lovelace.12@example.test", "+442079460958", "berners-lee", "o'brien"]) expect(needsFullText(word), word).toBe(false);
    for (const term of ["ada lovelace", '"ada lovelace"', "-hopper", "lovel,", "a|b"]) expect(needsFullText(term), term).toBe(true);
  });

  it("escapes LIKE wildcards and lower-cases the fragment", () => {
    expect(searchPattern("50%_Off\\")).toBe("%50\\%\\_off\\\\%");
  });

  it("carries the typo mode in the cursor and leaves exact cursors as they were", () => {
    expect(withSearchMode("abc", "exact")).toBe("abc");
    expect(readSearchMode(withSearchMode("abc", "typo"))).toEqual({ mode: "typo", cursor: "abc" });
    expect(readSearchMode("abc")).toEqual({ mode: "exact", cursor: "abc" });
  });

  it("falls back to typo mode only when exact finds fewer than a page", async () => {
    const calls: string[] = [];
    const fetch = (exactCount: number) => async (mode: "exact" | "typo", n: number) => {
      calls.push(`${mode}:${n}`);
      return Array.from({ length: Math.min(n, mode === "exact" ? exactCount : 3) }, (_, i) => i);
    };
    expect(await searchWithFallback(11, fetch(TYPO_FALLBACK_BELOW))).toEqual({ rows: Array.from({ length: 11 }, (_, i) => i), mode: "exact" });
    expect(await searchWithFallback(11, fetch(TYPO_FALLBACK_BELOW - 1))).toEqual({ rows: [0, 1, 2], mode: "typo" });
    expect(calls).toEqual([`exact:${TYPO_FALLBACK_BELOW}`, `exact:${TYPO_FALLBACK_BELOW}`, "typo:11"]);
  });

  it("pages a list: one fetch without a term, the cursor's mode (cursor handed on without it) on later pages, exact then typo on a search's first page", async () => {
    const calls: string[] = [];
    const fetch = (exactCount: number) => async (mode: "exact" | "typo", cursor: string | undefined, n: number) => {
      calls.push(`${mode}:${cursor ?? "-"}:${n}`);
      return Array.from({ length: Math.min(n, mode === "exact" ? exactCount : 2) }, (_, i) => i);
    };
    expect(await searchedPage(undefined, "abc", 11, fetch(0))).toEqual({ rows: [], searchMode: "exact" });
    expect(await searchedPage("ada", withSearchMode("abc", "typo"), 11, fetch(0))).toEqual({ rows: [0, 1], searchMode: "typo" });
    expect(await searchedPage("ada", "abc", 11, fetch(0))).toEqual({ rows: [], searchMode: "exact" });
    expect(await searchedPage("ada", undefined, 11, fetch(1))).toEqual({ rows: [0, 1], searchMode: "typo" });
    expect(calls).toEqual(["exact:abc:11", "typo:abc:11", "exact:abc:11", `exact:-:${TYPO_FALLBACK_BELOW}`, "typo:-:11"]);
  });
});
