import type { ImportDto } from "@shared/contracts/imports";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { rejectsCsvHref } from "../api/get-import";
import { count } from "./import-labels";

/** The progress bar of a running import (role=progressbar, announced politely). */
export function ImportProgressBar({ imp }: { imp: ImportDto }) {
  const { processed, total } = imp.counts;
  const pct = total ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  return (
    <div>
      <div className="mb-1 flex items-center justify-between text-sm text-zinc-600">
        <span aria-live="polite">
          {count(processed)} of {count(total)} rows
        </span>
        <span>{pct}%</span>
      </div>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-3 w-full overflow-hidden rounded-full bg-zinc-100"
      >
        <div className="h-full rounded-full bg-brand transition-[width] duration-500" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/** Created / updated / skipped / rejected, with the report link when rows were rejected. */
export function ImportCounts({ imp }: { imp: ImportDto }) {
  const items = [
    { label: "Created", value: imp.counts.created },
    { label: "Updated", value: imp.counts.updated },
    { label: "Skipped (duplicates)", value: imp.counts.skipped },
    { label: "Rejected", value: imp.counts.rejected },
  ];
  return (
    <div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {items.map((i) => (
          <div key={i.label} className="rounded-lg border border-zinc-200 px-4 py-3">
            <dt className="text-xs text-zinc-500">{i.label}</dt>
            <dd className="mt-1 text-xl font-semibold text-zinc-900" data-testid={`count-${i.label.split(" ")[0]!.toLowerCase()}`}>
              {count(i.value)}
            </dd>
          </div>
        ))}
      </dl>
      {imp.abilities.downloadRejects ? (
        <Button variant="secondary" className="mt-4" asChild>
          <a href={rejectsCsvHref(imp.id)} download>
            <Download aria-hidden />
            Download rejected rows
          </a>
        </Button>
      ) : null}
    </div>
  );
}
