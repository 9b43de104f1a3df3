import type { ImportDto } from "@shared/contracts/imports";
import { Link } from "wouter";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/lib/format";
import { count, ENTITY_LABELS, ImportStatusBadge } from "./import-labels";

/** The import history. */
export function ImportsTable({ rows }: { rows: ImportDto[] }) {
  return (
    <div className="overflow-x-auto">
      <Table>
        <THead>
          <TR>
            <TH>File</TH>
            <TH>Type</TH>
            <TH>Status</TH>
            <TH className="text-right">Rows</TH>
            <TH className="text-right">Created</TH>
            <TH className="text-right">Updated</TH>
            <TH className="text-right">Skipped</TH>
            <TH className="text-right">Rejected</TH>
            <TH>By</TH>
            <TH>Started</TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((r) => (
            <TR key={r.id}>
              <TD className="max-w-xs truncate font-medium">
                <Link href={paths.importDetail.href(r.id)} className="text-zinc-900 hover:text-brand hover:underline">
                  {r.fileName}
                </Link>
              </TD>
              <TD>{ENTITY_LABELS[r.entityType].many}</TD>
              <TD>
                <ImportStatusBadge status={r.status} />
              </TD>
              <TD className="text-right tabular-nums">
                {r.status === "running" || r.status === "queued" ? `${count(r.counts.processed)} / ${count(r.counts.total)}` : count(r.counts.total)}
              </TD>
              <TD className="text-right tabular-nums">{count(r.counts.created)}</TD>
              <TD className="text-right tabular-nums">{count(r.counts.updated)}</TD>
              <TD className="text-right tabular-nums">{count(r.counts.skipped)}</TD>
              <TD className="text-right tabular-nums">{count(r.counts.rejected)}</TD>
              <TD className="text-zinc-600">{r.createdBy?.name ?? "—"}</TD>
              <TD className="whitespace-nowrap text-zinc-600">{formatDateTime(r.startedAt ?? r.createdAt)}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
