import { useCallback } from "react";

/**
 * A sortable header's click: the same column flips the direction, another starts in its natural one
 * (`firstOrder`); a custom-field sort is dropped.
 */
export function useSortToggle<K extends string>(
  setFilters: (patch: { sort?: string; sortKey?: string; order?: string }) => void,
  current: { sort: string; order: "asc" | "desc" },
  firstOrder: (key: K) => "asc" | "desc",
) {
  const { sort, order } = current;
  // firstOrder is a fixed rule per list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  return useCallback(
    (key: K) => setFilters({ sort: key, sortKey: "", order: key === sort ? (order === "asc" ? "desc" : "asc") : firstOrder(key) }),
    [setFilters, sort, order],
  );
}
