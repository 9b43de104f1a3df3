import type { DealDto } from "@shared/contracts/deals";
import { Link } from "wouter";
import { Checkbox } from "@/components/ui/input";
import { SortableTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { paths } from "@/config/paths";
import { formatDate, formatRelative } from "@/lib/format";
import type { ExtraColumn } from "@/lib/table-columns";
import { DealStatusBadge, formatMinor, RottingBadge } from "./deal-format";

export type DealSortKey = "title" | "value" | "expectedCloseDate" | "createdAt" | "updatedAt";

/** Built-in columns that can be hidden (title always shows). */
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
export function DealsTable({
  deals,
  sort,
  order,
  onSort,
  selected,
  onSelectedChange,
  hidden = new Set(),
  extraColumns = [],
}: {
  deals: DealDto[];
  sort: string;
  order: "asc" | "desc";
  onSort: (sort: DealSortKey) => void;
  selected: ReadonlySet<string>;
  onSelectedChange?: (next: Set<string>) => void;
  hidden?: ReadonlySet<string>;
  extraColumns?: ExtraColumn<DealDto>[];
}) {
  const show = (id: string) => !hidden.has(id);
  const th = (key: DealSortKey, label: string, className?: string) => <SortableTH label={label} active={sort === key} order={order} onSort={() => onSort(key)} className={className} />;
  const allSelected = deals.length > 0 && deals.every((d) => selected.has(d.id));
  const someSelected = !allSelected && deals.some((d) => selected.has(d.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange?.(next);
  };
  return (
    <Table data-testid="deals-table">
      <THead>
        <tr>
          {onSelectedChange ? (
            <TH className="w-10 pr-0">
              <Checkbox
                aria-label={allSelected ? "Deselect all deals" : "Select all deals"}
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected;
                }}
                onChange={() => onSelectedChange(allSelected ? new Set() : new Set(deals.map((d) => d.id)))}
              />
            </TH>
          ) : null}
          {th("title", "Deal")}
          {show("stage") ? <TH>Stage</TH> : null}
          {show("status") ? <TH>Status</TH> : null}
          {show("party") ? <TH className="hidden md:table-cell">Client / lead</TH> : null}
          {show("owner") ? <TH className="hidden lg:table-cell">Owner</TH> : null}
          {show("value") ? th("value", "Value", "text-right") : null}
          {show("close") ? th("expectedCloseDate", "Expected close", "hidden sm:table-cell") : null}
          {show("updatedAt") ? th("updatedAt", "Updated", "hidden xl:table-cell") : null}
          {extraColumns.map((col) =>
            col.sort ? <SortableTH key={col.id} label={col.label} active={col.sort.active} order={col.sort.order} onSort={col.sort.onSort} /> : <TH key={col.id}>{col.label}</TH>,
          )}
        </tr>
      </THead>
      <TBody>
        {deals.map((d) => (
          <TR key={d.id} data-testid="deal-row" aria-selected={selected.has(d.id)} className={selected.has(d.id) ? "bg-brand-soft/50" : undefined}>
            {onSelectedChange ? (
              <TD className="w-10 pr-0">
                <Checkbox aria-label={`Select ${d.title}`} checked={selected.has(d.id)} onChange={() => toggle(d.id)} />
              </TD>
            ) : null}
            <TD className="max-w-48 sm:max-w-72">
              <Link href={paths.deal.href(d.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
                {d.title}
              </Link>
              <p className="truncate text-xs text-zinc-500">{d.pipeline.name}</p>
            </TD>
            {show("stage") ? (
              <TD className="whitespace-nowrap">
                <span className="flex items-center gap-2">
                  {d.stage.name}
                  {d.rotting ? <RottingBadge since={d.lastActivityAt} /> : null}
                </span>
              </TD>
            ) : null}
            {show("status") ? (
              <TD>
                <DealStatusBadge status={d.status} />
              </TD>
            ) : null}
            {show("party") ? <TD className="hidden max-w-48 truncate md:table-cell">{d.client?.name ?? d.lead?.name ?? "—"}</TD> : null}
            {show("owner") ? <TD className="hidden whitespace-nowrap lg:table-cell">{d.owner?.name ?? <span className="text-zinc-400">Unassigned</span>}</TD> : null}
            {show("value") ? <TD className="text-right whitespace-nowrap tabular-nums">{formatMinor(d.valueMinor, d.currency)}</TD> : null}
            {show("close") ? <TD className="hidden whitespace-nowrap sm:table-cell">{d.expectedCloseDate ? formatDate(d.expectedCloseDate) : "—"}</TD> : null}
            {show("updatedAt") ? (
              <TD className="hidden whitespace-nowrap xl:table-cell" title={d.updatedAt}>
                {formatRelative(d.updatedAt)}
              </TD>
            ) : null}
            {extraColumns.map((col) => (
              <TD key={col.id} className="max-w-48 truncate whitespace-nowrap">
                {col.render(d)}
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
