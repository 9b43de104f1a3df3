import type { LeadDto } from "@shared/contracts/leads";
import { useMemo } from "react";
import { Link } from "wouter";
import { ListTable, type ListTableProps, sortableHeader } from "@/components/lists/list-table";
import type { VirtualColumn } from "@/components/ui/virtual-table";
import { paths } from "@/config/paths";
import { formatRelative } from "@/lib/format";
import { LEAD_SOURCE_LABELS, LeadScore, LeadStatusBadge, LeadTags } from "./lead-badges";

export type LeadSort = "name" | "createdAt" | "updatedAt" | "score" | "relevance";

/** Built-in columns that can be hidden and moved (name always shows, first). */
export const LEAD_COLUMNS = [
  { id: "status", label: "Status" },
  { id: "score", label: "Score" },
  { id: "owner", label: "Owner" },
  { id: "source", label: "Source" },
  { id: "tags", label: "Tags" },
  { id: "createdAt", label: "Created" },
] as const;

/** The lead table: sortable headers, a checkbox per row for bulk actions, rows link to the lead. */
export function LeadsTable({ sort, order, onSort, ...table }: ListTableProps<LeadDto> & { onSort: (sort: LeadSort) => void }) {
  const { first, builtIn } = useMemo(() => {
    const state = { sort, order, onSort };
    const builtIn: Record<string, VirtualColumn<LeadDto>> = {
      status: { id: "status", header: "Status", width: 120, cell: (l) => <LeadStatusBadge status={l.status} /> },
      score: { id: "score", width: 124, ...sortableHeader("score", "Score", state), cell: (l) => <LeadScore score={l.score} /> },
      owner: {
        id: "owner",
        header: "Owner",
        width: 150,
        cell: (l) => <span data-testid="lead-owner">{l.owner?.name ?? <span className="text-zinc-400">Unassigned</span>}</span>,
      },
      source: {
        id: "source",
        header: "Source",
        width: 130,
        cell: (l) => <span title={l.sourceDetail ?? undefined}>{LEAD_SOURCE_LABELS[l.source]}</span>,
      },
      tags: { id: "tags", header: "Tags", width: 170, cell: (l) => <LeadTags tags={l.tags} /> },
      createdAt: {
        id: "createdAt",
        width: 120,
        ...sortableHeader("createdAt", "Created", state),
        cell: (l) => <span title={l.createdAt}>{formatRelative(l.createdAt)}</span>,
      },
    };
    const first: VirtualColumn<LeadDto> = {
      id: "name",
      ...sortableHeader("name", "Name", state),
      cell: (l) => (
        <>
          <Link href={paths.lead.href(l.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
            {l.name}
          </Link>
          <p className="truncate text-xs text-zinc-500">{[l.company, l.email].filter(Boolean).join(" · ") || "No company"}</p>
        </>
      ),
    };
    return { first, builtIn };
  }, [sort, order, onSort]);

  return <ListTable {...table} label="Leads" testId="leads-table" rowTestId="lead-row" plural="leads" rowName={(l) => l.name} first={first} builtIn={builtIn} />;
}
