import type { LeadDto } from "@shared/contracts/leads";
import { useMemo } from "react";
import { useCustomFields } from "@/features/custom-fields/api/get-custom-fields";
import { LEAD_COLUMNS } from "@/features/leads/components/leads-table";
import { customValuesOf, formatCustomFieldValue } from "@/lib/custom-fields";
import type { ExtraColumn } from "@/lib/table-columns";
import { useStoredHiddenColumns } from "@/lib/use-stored-columns";

/**
 * The lead list's custom-field columns (sortable, `sort=custom&sortKey=`) and the column chooser's
 * state over built-in and custom columns, remembered in localStorage.
 */
export function useLeadColumns(opts: { sort: string; sortKey: string; order: "asc" | "desc"; onSortCustom: (key: string, order: "asc" | "desc") => void }) {
  const { sort, sortKey, order, onSortCustom } = opts;
  const fields = useCustomFields("lead");
  const definitions = useMemo(() => fields.data?.data ?? [], [fields.data]);
  const { hidden, toggle } = useStoredHiddenColumns("agency-os.columns.leads");
  const chooserColumns = useMemo(() => [...LEAD_COLUMNS, ...definitions.map((d) => ({ id: `cf:${d.key}`, label: d.label }))], [definitions]);
  const extraColumns = useMemo<ExtraColumn<LeadDto>[]>(
    () =>
      definitions
        .filter((d) => !hidden.has(`cf:${d.key}`))
        .map((d) => {
          const active = sort === "custom" && sortKey === d.key;
          return {
            id: `cf:${d.key}`,
            label: d.label,
            render: (row: LeadDto) => formatCustomFieldValue(d, customValuesOf(row)[d.key]),
            sort: { active, order, onSort: () => onSortCustom(d.key, active && order === "asc" ? "desc" : "asc") },
          };
        }),
    [definitions, hidden, sort, sortKey, order, onSortCustom],
  );
  return { definitions, chooserColumns, hidden, toggle, extraColumns };
}
