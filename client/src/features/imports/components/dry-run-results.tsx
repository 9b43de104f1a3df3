import type { ImportDryRun } from "@shared/contracts/imports";
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
