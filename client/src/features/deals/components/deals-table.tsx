import type { DealDto } from "@shared/contracts/deals";
import { useMemo } from "react";
import { Link } from "wouter";
import { ListTable, type ListTableProps, sortableHeader } from "@/components/lists/list-table";
import type { VirtualColumn } from "@/components/ui/virtual-table";
import { paths } from "@/config/paths";
import { formatDate, formatRelative } from "@/lib/format";
import { DealStatusBadge, formatMinor, isOverdue, OverdueBadge, RottingBadge } from "./deal-format";

export type DealSortKey = "title" | "value" | "expectedCloseDate" | "createdAt" | "updatedAt";

/** Built-in columns that can be hidden and moved (title always shows, first). */
export const DEAL_COLUMNS = [
  { id: "stage", label: "Stage" },
  { id: "status", label: "Status" },
  { id: "party", label: "Client / lead" },
  { id: "owner", label: "Owner" },
  { id: "value", label: "Value" },
  { id: "close", label: "Expected close" },
  { id: "updatedAt", label: "Updated" },
] as const;

/** The deal table: sortable headers, a checkbox per row for bulk actions, rows link to the deal. */
export function DealsTable({ sort, order, onSort, ...table }: ListTableProps<DealDto> & { onSort: (sort: DealSortKey) => void }) {
  const { first, builtIn } = useMemo(() => {
    const state = { sort, order, onSort };
    const builtIn: Record<string, VirtualColumn<DealDto>> = {
      stage: {
        id: "stage",
        header: "Stage",
        width: 170,
        cell: (d) => (
          <span className="flex items-center gap-2">
            <span className="truncate">{d.stage.name}</span>
            {d.expectedCloseDate && isOverdue(d) ? <OverdueBadge date={d.expectedCloseDate} /> : null}
            {d.rotting ? <RottingBadge since={d.lastActivityAt} /> : null}
          </span>
        ),
      },
      status: { id: "status", header: "Status", width: 100, cell: (d) => <DealStatusBadge status={d.status} /> },
      party: { id: "party", header: "Client / lead", width: 170, cell: (d) => d.client?.name ?? d.lead?.name ?? "—" },
      owner: { id: "owner", header: "Owner", width: 140, cell: (d) => d.owner?.name ?? <span className="text-zinc-400">Unassigned</span> },
      value: {
        id: "value",
        width: 120,
        className: "text-right tabular-nums",
        headerClassName: "text-right",
        ...sortableHeader("value", "Value", state),
        cell: (d) => formatMinor(d.valueMinor, d.currency),
      },
      close: {
        id: "close",
        width: 140,
        ...sortableHeader("expectedCloseDate", "Expected close", state),
        cell: (d) => (d.expectedCloseDate ? formatDate(d.expectedCloseDate) : "—"),
      },
      updatedAt: {
        id: "updatedAt",
        width: 110,
        ...sortableHeader("updatedAt", "Updated", state),
        cell: (d) => <span title={d.updatedAt}>{formatRelative(d.updatedAt)}</span>,
      },
    };
    const first: VirtualColumn<DealDto> = {
      id: "title",
      ...sortableHeader("title", "Deal", state),
      cell: (d) => (
        <>
          <Link href={paths.deal.href(d.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
            {d.title}
          </Link>
          <p className="truncate text-xs text-zinc-500">{d.pipeline.name}</p>
        </>
      ),
    };
    return { first, builtIn };
  }, [sort, order, onSort]);

  return <ListTable {...table} label="Deals" testId="deals-table" rowTestId="deal-row" plural="deals" rowName={(d) => d.title} first={first} builtIn={builtIn} />;
}
