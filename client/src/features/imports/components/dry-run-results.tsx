import type { ImportDryRun, ImportDto } from "@shared/contracts/imports";
import { Alert } from "@/components/ui/alert";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { count } from "./import-labels";

/** What the dry run found: counts, then the first rejected rows with their reasons. */
export function DryRunResults({ result }: { result: ImportDryRun }) {
  const items = [
    { label: "Rows in the file", value: result.total },
    { label: "Would be created", value: result.wouldCreate },
    { label: "Would update", value: result.wouldUpdate },
    { label: "Would be skipped", value: result.wouldSkip },
    { label: "Would be rejected", value: result.rejected },
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {items.map((i) => (
          <div key={i.label} className="rounded-lg border border-zinc-200 px-4 py-3">
            <dt className="text-xs text-zinc-500">{i.label}</dt>
            <dd className="mt-1 text-xl font-semibold text-zinc-900">{count(i.value)}</dd>
          </div>
        ))}
      </dl>
      {result.rejected === 0 ? (
        <Alert tone="success">Every row is valid.</Alert>
      ) : (
        <div>
          {result.errorCounts.length ? (
            <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Rejected rows per column">
              {result.errorCounts.map((c) => (
                <li key={c.field} className="rounded-full bg-red-50 px-3 py-1 text-red-800">
                  {c.column ?? c.field}: {count(c.rows)} {c.rows === 1 ? "row" : "rows"}
                </li>
              ))}
            </ul>
          ) : null}
          <h3 className="mb-2 text-sm font-medium text-zinc-900">
            Rows that will be rejected{result.rejected > result.rejectedRows.length ? ` (first ${result.rejectedRows.length} of ${count(result.rejected)})` : ""}
          </h3>
          <div className="max-h-96 overflow-auto rounded-lg border border-zinc-200">
            <Table aria-label="Rejected rows">
              <THead>
                <TR>
                  <TH className="w-20">Row</TH>
                  <TH>Column</TH>
                  <TH>Problem</TH>
                </TR>
              </THead>
              <TBody>
                {result.rejectedRows.flatMap((r) =>
                  r.errors.map((e, k) => (
                    <TR key={`${r.row}-${e.field}-${e.message}`}>
                      <TD className="tabular-nums">{k === 0 ? r.row : ""}</TD>
                      <TD>{e.column ?? e.field}</TD>
                      <TD className="text-red-700">{e.message}</TD>
                    </TR>
                  )),
                )}
              </TBody>
            </Table>
          </div>
          <p className="mt-2 text-xs text-zinc-500">Rejected rows are left out; after the import you can download them with the reasons, fix them and import that file.</p>
        </div>
      )}
    </div>
  );
}

/** The dry run's progress while its job checks the rows (role=progressbar, announced politely). */
export function DryRunProgress({ imp }: { imp: ImportDto }) {
  const checked = imp.dryRun?.total ?? 0;
  const total = imp.counts.total;
  const pct = total ? Math.min(100, Math.round((checked / total) * 100)) : 0;
  return (
    <div className="space-y-3">
      <div>
        <div className="mb-1 flex items-center justify-between text-sm text-zinc-600">
          <span aria-live="polite">
            {count(checked)} of {count(total)} rows checked
            {imp.dryRun?.rejected ? ` · ${count(imp.dryRun.rejected)} rejected so far` : ""}
          </span>
          <span>{pct}%</span>
        </div>
        <div role="progressbar" aria-label="Check progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-3 w-full overflow-hidden rounded-full bg-zinc-100">
          <div className="h-full rounded-full bg-brand transition-[width] duration-500" style={{ width: `${pct}%` }} />
        </div>
      </div>
      <p className="text-sm text-zinc-500">You can leave this page: the check carries on in the background, and the import waits for you under Imports.</p>
    </div>
  );
}
