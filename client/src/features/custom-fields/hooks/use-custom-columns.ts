import type { CustomFieldEntity } from "@shared/contracts/custom-fields";
import { useCallback, useMemo } from "react";
import { customValuesOf, formatCustomFieldValue } from "@/lib/custom-fields";
import type { ChoosableColumn, ExtraColumn } from "@/lib/table-columns";
import { useColumnLayout } from "@/lib/use-column-layout";
import { useCustomFields } from "../api/get-custom-fields";
import { parseCustomFieldFilter } from "../components/custom-field-filter";

/** Whether a list's URL asks for a custom-field sort (`sort=custom&sortKey=<key>`). */
export function isCustomSort(values: { sort: string; sortKey: string }): boolean {
  return values.sort === "custom" && values.sortKey !== "";
}

/**
 * A list's custom fields: its custom-field columns (sortable, `sort=custom&sortKey=`), its column
 * layout over built-in and custom columns (shown, hidden, order; remembered per list in localStorage),
 * the `cf` filter for the API and the props of its `CustomFieldFilter`, all kept in the URL.
 */
export function useCustomColumns<T extends object>(opts: {
  entity: CustomFieldEntity;
  builtIn: readonly ChoosableColumn[];
  /** The list's URL values. */
  values: { cf: string; sortKey: string };
  setFilters: (patch: { sort?: string; sortKey?: string; order?: string; cf?: string }) => void;
  /** The sort in effect ("custom" while a custom column sorts). */
  sort: string;
  order: "asc" | "desc";
}) {
  const { entity, builtIn, values, setFilters, sort, order } = opts;
  const { sortKey } = values;
  const fields = useCustomFields(entity);
  const definitions = useMemo(() => fields.data?.data ?? [], [fields.data]);
  const chooserColumns = useMemo(() => [...builtIn, ...definitions.map((d) => ({ id: `cf:${d.key}`, label: d.label }))], [builtIn, definitions]);
  const layout = useColumnLayout(`agency-os.columns.${entity}s`, chooserColumns);
  const onSortCustom = useCallback((key: string, next: "asc" | "desc") => setFilters({ sort: "custom", sortKey: key, order: next }), [setFilters]);
  const onCfChange = useCallback((next: string) => setFilters({ cf: next }), [setFilters]);
  const customColumns = useMemo<ExtraColumn<T>[]>(
    () =>
      definitions.map((d) => {
        const active = sort === "custom" && sortKey === d.key;
        return {
          id: `cf:${d.key}`,
          label: d.label,
          render: (row: T) => formatCustomFieldValue(d, customValuesOf(row)[d.key]),
          sort: { active, order, onSort: () => onSortCustom(d.key, active && order === "asc" ? "desc" : "asc") },
        };
      }),
    [definitions, sort, sortKey, order, onSortCustom],
  );
  const cf = parseCustomFieldFilter(values.cf).value ? [values.cf] : undefined;
  return {
    definitions,
    layout,
    customColumns,
    cf,
    filterProps: { definitions, value: values.cf, onChange: onCfChange },
    /** Spread into the list's table: the visible columns in order, and the custom ones it may show. */
    tableColumns: { columnIds: layout.visibleIds, customColumns },
  };
}
