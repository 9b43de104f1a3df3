import type { SavedViewEntity } from "@shared/contracts/saved-views";
import { useCallback } from "react";
import { isCustomSort, useCustomColumns } from "@/features/custom-fields/hooks/use-custom-columns";
import type { ChoosableColumn } from "@/lib/table-columns";
import { useUrlFilters } from "@/lib/url-filters";
import { useSortToggle } from "@/lib/use-sort-toggle";

type Direction = "asc" | "desc";

/** The URL keys every record list keeps besides its own filters: search, custom-field filter, sort. */
export type ListUrlKey = "q" | "cf" | "sort" | "sortKey" | "order";
const NOT_FILTERS: ReadonlySet<string> = new Set(["cf", "sort", "sortKey", "order"]);

/** The built-in sort a list's URL names when it is one of `sorts`, else the list's `fallback`. */
export function pickSort<S extends string>(sorts: readonly S[], requested: string, fallback: S): S {
  return (sorts as readonly string[]).includes(requested) ? (requested as S) : fallback;
}

/**
 * A record list's state, all of it in the URL (so reloads, the back button, shared links and saved
 * views show the same list): the filters, the search, the sort (built-in, or a custom field's with
 * `sort=custom&sortKey=`) and its direction, the custom-field filter and columns, the header sort
 * toggle, and whether anything filters the list. The page turns `values` into its API filters.
 */
export function useListPage<K extends string, S extends string, H extends string = S>(opts: {
  /** The record type: its custom fields, column layout and saved views. */
  entity: SavedViewEntity;
  /** The URL keys of the list's state (its filters and the `ListUrlKey`s): what a saved view stores. */
  keys: readonly (K | ListUrlKey)[];
  /** The built-in columns the column chooser offers. */
  builtIn: readonly ChoosableColumn[];
  /** The built-in sort in effect (custom-field sorts are handled here). */
  sortOf: (values: Record<K | ListUrlKey, string>) => S;
  /** The direction when the URL names none. */
  defaultOrder: (sort: S | "custom") => Direction;
  /** The direction a header starts in when the user sorts by it. */
  firstOrder: (key: H) => Direction;
  /**
   * "Clear filters" clears the whole query string (the default), or only these keys (a list inside
   * a page that keeps its own state in the URL).
   */
  clearKeys?: readonly (K | ListUrlKey)[];
}) {
  const { entity, keys, builtIn, sortOf, defaultOrder, firstOrder, clearKeys } = opts;
  const { values, setFilters, clear: clearAll } = useUrlFilters<K | ListUrlKey>(keys);
  // Every list keeps the ListUrlKeys (TypeScript can't see that a patch of them fits any K).
  const setListKeys = setFilters as (patch: Partial<Record<ListUrlKey, string>>) => void;
  const customSort = isCustomSort(values);
  const sort: S | "custom" = customSort ? "custom" : sortOf(values);
  const order: Direction = values.order === "asc" || values.order === "desc" ? values.order : defaultOrder(sort);
  // Rows are read only by the custom columns' cells, which take any record.
  const columns = useCustomColumns<object>({ entity, builtIn, values, setFilters: setListKeys, sort, order });
  const { cf } = columns;
  const filtering = keys.some((k) => !NOT_FILTERS.has(k) && values[k] !== "") || !!cf;
  // clearKeys is a fixed list per page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const clear = useCallback(() => {
    if (clearKeys) setFilters(Object.fromEntries(clearKeys.map((k) => [k, ""])) as Partial<Record<K | ListUrlKey, string>>);
    else clearAll();
  }, [setFilters, clearAll]);
  const onSort = useSortToggle<H>(setListKeys, { sort, order }, firstOrder);
  return {
    entity,
    keys,
    values,
    setFilters,
    clear,
    filtering,
    customSort,
    sort,
    order,
    /** The API's custom-field sort key (only while a custom column sorts). */
    sortKey: customSort ? values.sortKey : undefined,
    cf,
    columns,
    onSort,
    /** Spread into the list's filter bar (its values come from `values`). */
    filterBar: { onChange: setFilters, onClear: clear, active: filtering },
  };
}

/** What `useListPage` returns, for the components that lay the list out. */
export type ListPageState<H extends string> = ReturnType<typeof useListPage<string, string, H>>;
