import type { CustomFieldEntity } from "@shared/contracts/custom-fields";
import { useMemo } from "react";
import type { ChoosableColumn } from "@/components/ui/column-chooser";
import { useCustomFields } from "@/features/custom-fields/api/get-custom-fields";
import { customValuesOf, formatCustomFieldValue } from "@/lib/custom-fields";
import type { ExtraColumn } from "@/lib/table-columns";
import { useStoredHiddenColumns } from "@/lib/use-stored-columns";

/**
 * A list's custom-field columns (sortable, `sort=custom&sortKey=`), plus the column chooser's state
 * over built-in and custom columns, remembered per list.
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
  const { hidden, toggle } = useStoredHiddenColumns(`agency-os.columns.${entity}s`);
  const chooserColumns = useMemo(
    () => [...builtIn, ...definitions.map((d) => ({ id: `cf:${d.key}`, label: d.label }))],
    [builtIn, definitions],
  );
  const extraColumns = useMemo<ExtraColumn<T>[]>(
    () =>
      definitions
        .filter((d) => !hidden.has(`cf:${d.key}`))
        .map((d) => {
          const active = sort === "custom" && sortKey === d.key;
          return {
            id: `cf:${d.key}`,
            label: d.label,
            render: (row: T) => formatCustomFieldValue(d, customValuesOf(row)[d.key]),
            sort: { active, order, onSort: () => onSortCustom(d.key, active && order === "asc" ? "desc" : "asc") },
          };
        }),
    [definitions, hidden, sort, sortKey, order, onSortCustom],
  );
  return { definitions, chooserColumns, hidden, toggle, extraColumns };
}
