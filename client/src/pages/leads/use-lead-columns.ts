import type { LeadDto } from "@shared/contracts/leads";
import { LEAD_COLUMNS } from "@/features/leads/components/leads-table";
import { useCustomColumns } from "../clients/use-custom-columns";

/**
 * The lead list's custom-field columns (sortable, `sort=custom&sortKey=`) and its column layout over
 * built-in and custom columns (shown, hidden, order), remembered in localStorage
 * ("agency-os.columns.leads"; the older hidden-ids-only format is still read).
 */
export function useLeadColumns(opts: { sort: string; sortKey: string; order: "asc" | "desc"; onSortCustom: (key: string, order: "asc" | "desc") => void }) {
  return useCustomColumns<LeadDto>({ entity: "lead", builtIn: LEAD_COLUMNS, ...opts });
}
