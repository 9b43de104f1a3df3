import type { LeadDto } from "@shared/contracts/leads";
import { Link } from "wouter";
import { Checkbox } from "@/components/ui/input";
import { SortableTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { paths } from "@/config/paths";
import { formatRelative } from "@/lib/format";
import type { ExtraColumn } from "@/lib/table-columns";
import { LEAD_SOURCE_LABELS, LeadScore, LeadStatusBadge, LeadTags } from "./lead-badges";

export type LeadSort = "name" | "createdAt" | "updatedAt" | "score" | "relevance";

/** Built-in columns that can be hidden (name always shows). */
export const LEAD_COLUMNS = [
  { id: "status", label: "Status" },
  { id: "score", label: "Score" },
  { id: "owner", label: "Owner" },
  { id: "source", label: "Source" },
  { id: "tags", label: "Tags" },
  { id: "createdAt", label: "Created" },
] as const;

/** The lead table: sortable headers, a checkbox per row for bulk actions, rows link to the lead. */
export function LeadsTable({
  leads,
  sort,
  order,
  onSort,
  selected,
  onSelectedChange,
  hidden = new Set(),
  extraColumns = [],
}: {
  leads: LeadDto[];
  sort: string;
  order: "asc" | "desc";
  onSort: (sort: LeadSort) => void;
  selected: ReadonlySet<string>;
  /** Omit when the user has no bulk actions: no checkbox column then. */
  onSelectedChange?: (next: Set<string>) => void;
  hidden?: ReadonlySet<string>;
  extraColumns?: ExtraColumn<LeadDto>[];
}) {
  const show = (id: string) => !hidden.has(id);
  const selectable = !!onSelectedChange;
  const th = (key: LeadSort, label: string, className?: string) => (
    <SortableTH label={label} active={sort === key} order={order} onSort={() => onSort(key)} className={className} />
  );
  const allSelected = leads.length > 0 && leads.every((l) => selected.has(l.id));
  const someSelected = !allSelected && leads.some((l) => selected.has(l.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange?.(next);
  };
  return (
    <Table data-testid="leads-table">
      <THead>
        <tr>
          {selectable ? (
            <TH className="w-10 pr-0">
              <Checkbox
                aria-label={allSelected ? "Deselect all leads" : "Select all leads"}
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected;
                }}
                onChange={() => onSelectedChange?.(allSelected ? new Set() : new Set(leads.map((l) => l.id)))}
              />
            </TH>
          ) : null}
          {th("name", "Name")}
          {show("status") ? <TH>Status</TH> : null}
          {show("score") ? th("score", "Score") : null}
          {show("owner") ? <TH className="hidden md:table-cell">Owner</TH> : null}
          {show("source") ? <TH className="hidden lg:table-cell">Source</TH> : null}
          {show("tags") ? <TH className="hidden 2xl:table-cell">Tags</TH> : null}
          {show("createdAt") ? th("createdAt", "Created", "hidden sm:table-cell") : null}
          {extraColumns.map((col) =>
            col.sort ? (
              <SortableTH key={col.id} label={col.label} active={col.sort.active} order={col.sort.order} onSort={col.sort.onSort} />
            ) : (
              <TH key={col.id}>{col.label}</TH>
            ),
          )}
        </tr>
      </THead>
      <TBody>
        {leads.map((l) => (
          <TR key={l.id} data-testid="lead-row" aria-selected={selected.has(l.id)} className={selected.has(l.id) ? "bg-brand-soft/50" : undefined}>
            {selectable ? (
              <TD className="w-10 pr-0">
                <Checkbox aria-label={`Select ${l.name}`} checked={selected.has(l.id)} onChange={() => toggle(l.id)} />
              </TD>
            ) : null}
            <TD className="max-w-48 sm:max-w-72">
              <Link href={paths.lead.href(l.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
                {l.name}
              </Link>
              <p className="truncate text-xs text-zinc-500">{[l.company, l.email].filter(Boolean).join(" · ") || "No company"}</p>
            </TD>
            {show("status") ? (
              <TD>
                <LeadStatusBadge status={l.status} />
              </TD>
            ) : null}
            {show("score") ? (
              <TD>
                <LeadScore score={l.score} />
              </TD>
            ) : null}
            {show("owner") ? (
              <TD className="hidden whitespace-nowrap md:table-cell" data-testid="lead-owner">
                {l.owner?.name ?? <span className="text-zinc-400">Unassigned</span>}
              </TD>
            ) : null}
            {show("source") ? (
              <TD className="hidden whitespace-nowrap lg:table-cell" title={l.sourceDetail ?? undefined}>
                {LEAD_SOURCE_LABELS[l.source]}
              </TD>
            ) : null}
            {show("tags") ? (
              <TD className="hidden 2xl:table-cell">
                <LeadTags tags={l.tags} />
              </TD>
            ) : null}
            {show("createdAt") ? (
              <TD className="hidden whitespace-nowrap sm:table-cell" title={l.createdAt}>
                {formatRelative(l.createdAt)}
              </TD>
            ) : null}
            {extraColumns.map((col) => (
              <TD key={col.id} className="max-w-48 truncate whitespace-nowrap">
                {col.render(l)}
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
