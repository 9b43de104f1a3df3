import type { CustomFieldEntity } from "@shared/contracts/custom-fields";
import { useMemo } from "react";
import { useCustomFields } from "@/features/custom-fields/api/get-custom-fields";
import { customValuesOf, formatCustomFieldValue } from "@/lib/custom-fields";
import type { ChoosableColumn, ExtraColumn } from "@/lib/table-columns";
import { useColumnLayout } from "@/lib/use-column-layout";

/**
 * A list's custom-field columns (sortable, `sort=custom&sortKey=`) and its column layout over
 * built-in and custom columns (shown, hidden, order), remembered per list in localStorage.
 */
export function useCustomColumns<T extends object>(opts: {
  entity: CustomFieldEntity;
  builtIn: readonly ChoosableColumn[];
  sort: string;
  sortKey: string;
  order: "asc" | "desc";
  onSortCustom: (key: string, order: "asc" | "desc") => void;
}) {
  const { entity, builtIn, sort, sortKey, order, onSortCustom } = opts;
  const fields = useCustomFields(entity);
  const definitions = useMemo(() => fields.data?.data ?? [], [fields.data]);
  const chooserColumns = useMemo(() => [...builtIn, ...definitions.map((d) => ({ id: `cf:${d.key}`, label: d.label }))], [builtIn, definitions]);
  const layout = useColumnLayout(`agency-os.columns.${entity}s`, chooserColumns);
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
  return { definitions, layout, customColumns };
}
