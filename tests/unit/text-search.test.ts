import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../server/lib/pagination";
import {
  bestMatchPage,
  decodeRelevanceCursor,
  needsFullText,
  RELEVANCE_WINDOW,
  readSearchMode,
  searchedPage,
  searchPattern,
  searchWithFallback,
  TYPO_FALLBACK_BELOW,
  withSearchMode,
} from "../../server/lib/text-search";

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

  const ID = "0190a4c2-1111-7000-8000-000000000001";
  const AT = "2026-11-22T10:40:50.123456Z";

  it("reads best-match cursors in the window and past it, and refuses anything else as invalid_cursor", () => {
    expect(decodeRelevanceCursor(encodeCursor(["2.000000", ID, AT, ID]))).toEqual({ phase: "ranked", after: ["2.000000", ID], window: [AT, ID] });
    expect(decodeRelevanceCursor(encodeCursor(["0.5", ID, null, null]))).toEqual({ phase: "ranked", after: ["0.5", ID], window: null });
    expect(decodeRelevanceCursor(encodeCursor(["newest", AT, ID]))).toEqual({ phase: "newest", after: [AT, ID] });
    for (const bad of [["x", ID, null, null], ["1", "nope", null, null], ["1", ID, "not a date", ID], ["1", ID, AT, null], ["older", AT, ID], ["1", ID], "garbage"]) {
      expect(() => decodeRelevanceCursor(typeof bad === "string" ? bad : encodeCursor(bad)), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: "invalid_cursor" }));
    }
  });

  it("ranks the window, carries its oldest match in every cursor, and fills the page past it newest first", async () => {
    type Row = { id: string; sortValue: string | null };
    const row = (id: string, sortValue: string): Row => ({ id, sortValue });
    const windowed = (r: Row, size: number) => ({ ...r, windowAt: AT, windowId: "w", windowSize: size });
    const calls: string[] = [];
    const fetch = (firstRows: (Row & { windowAt: string; windowId: string; windowSize: number })[]) => ({
      first: async (n: number) => {
        calls.push(`first:${n}`);
        return firstRows.slice(0, n);
      },
      ranked: async (after: [string, string], window: [string, string] | null, n: number) => {
        calls.push(`ranked:${after}:${window}:${n}`);
        return [row("r", "1.000000")];
      },
      newest: async (after: [string, string], n: number) => {
        calls.push(`newest:${after}:${n}`);
        return [row("n1", AT), row("n2", AT)].slice(0, n);
      },
    });
    // A full window: its oldest match rides in the cursor, and a short page continues past it.
    const full = await bestMatchPage<Row>(undefined, 3, fetch([windowed(row("a", "3.000000"), RELEVANCE_WINDOW), windowed(row("b", "2.000000"), RELEVANCE_WINDOW)]));
    expect(full.map((r) => r.cursorValues)).toEqual([
      ["3.000000", "a", AT, "w"],
      ["2.000000", "b", AT, "w"],
      ["newest", AT, "n1"],
    ]);
    expect(full[0]).not.toHaveProperty("windowSize");
    // A window smaller than RELEVANCE_WINDOW holds every match: nothing follows it.
    const small = await bestMatchPage<Row>(undefined, 3, fetch([windowed(row("a", "3.000000"), 1)]));
    expect(small.map((r) => r.cursorValues)).toEqual([["3.000000", "a", null, null]]);
    // Later pages: ranked from the cursor's window, or newest first past it.
    await bestMatchPage<Row>(encodeCursor(["2.000000", ID, AT, ID]), 5, fetch([]));
    await bestMatchPage<Row>(encodeCursor(["newest", AT, ID]), 5, fetch([]));
    expect(calls).toEqual(["first:3", `newest:${AT},w:1`, "first:3", `ranked:2.000000,${ID}:${AT},${ID}:5`, `newest:${AT},${ID}:4`, `newest:${AT},${ID}:5`]);
  });
});
