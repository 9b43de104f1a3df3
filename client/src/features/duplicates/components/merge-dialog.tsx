import type { CompareDuplicatesDto, DuplicateEntityType, DuplicatePairDto, RelatedCounts } from "@shared/contracts/duplicates";
import { useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/api-client";
import { cn } from "@/lib/cn";
import { useComparison } from "../api/get-comparison";
import { useMergeDuplicates } from "../api/merge-duplicates";

type Side = 0 | 1;
const NOUN: Record<DuplicateEntityType, string> = { client: "client", contact: "contact", lead: "lead" };

/** Each field preselected to the survivor's value when it has one, else the other record's. */
function defaultPicks(data: CompareDuplicatesDto, survivor: Side): Record<string, Side> {
  const other: Side = survivor === 0 ? 1 : 0;
  return Object.fromEntries(data.fields.map((f) => [f.key, f.values[survivor] !== null ? survivor : f.values[other] !== null ? other : survivor]));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "3 activities, 1 deal and 2 contacts will move" (only what applies). */
export function movesSummary(entityType: DuplicateEntityType, related: RelatedCounts): string {
  const parts = [
    related.activities === 1 ? "1 activity" : `${related.activities} activities`,
    plural(related.deals, "deal"),
    ...(entityType === "client" ? [plural(related.contacts, "contact")] : []),
    ...(related.convertedLeads ? [plural(related.convertedLeads, "converted lead")] : []),
    ...(related.portalUsers ? [plural(related.portalUsers, "portal login")] : []),
    ...(related.attachments ? [plural(related.attachments, "file")] : []),
  ];
  return `${parts.join(", ")} will move`;
}

/** Side-by-side comparison: pick the survivor and, per field, whose value to keep; then confirm and merge. */
export function MergeDialog({
  entityType,
  pair,
  open,
  onOpenChange,
}: {
  entityType: DuplicateEntityType;
  pair: DuplicatePairDto;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const ids = useMemo(() => [pair.a.id, pair.b.id] as const, [pair.a.id, pair.b.id]);
  const comparison = useComparison(entityType, ids, open);
  const merge = useMergeDuplicates();
  const [survivor, setSurvivor] = useState<Side>(0);
  const [picks, setPicks] = useState<Record<string, Side>>({});
  const [confirming, setConfirming] = useState(false);
  const data = comparison.data?.data;

  useEffect(() => {
    if (data) setPicks(defaultPicks(data, survivor));
  }, [data, survivor]);

  if (!open) return null;
  const mergedSide: Side = survivor === 0 ? 1 : 0;
  const survivorRecord = data?.records[survivor];
  const mergedRecord = data?.records[mergedSide];

  const submit = () => {
    if (!data || !survivorRecord || !mergedRecord) return;
    const fields = Object.fromEntries(data.fields.map((f) => [f.key, (picks[f.key] ?? survivor) === survivor ? ("survivor" as const) : ("merged" as const)]));
    merge.mutate(
      { entityType, survivorId: survivorRecord.id, mergedId: mergedRecord.id, fields },
      {
        onSuccess: () => {
          toast.success(`Merged "${mergedRecord.name}" into "${survivorRecord.name}".`);
          setConfirming(false);
          onOpenChange(false);
        },
        onError: () => setConfirming(false),
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !merge.isPending && onOpenChange(next)}>
      <DialogContent title={`Compare & merge ${NOUN[entityType]}s`} description="Choose the record that stays and, for each field, which value it keeps." className="max-w-3xl">
        {comparison.isPending ? <SkeletonRows rows={6} /> : null}
        {comparison.isError ? <Alert tone="error">{errorMessage(comparison.error)}</Alert> : null}
        {data && survivorRecord && mergedRecord ? (
          <>
            <fieldset className="mb-4">
              <legend className="mb-2 text-sm font-medium text-zinc-900">Record that stays</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {data.records.map((r, i) => (
                  <label
                    key={r.id}
                    className={cn("flex cursor-pointer items-start gap-2 rounded-lg border p-3 text-sm", survivor === i ? "border-brand bg-brand-soft" : "border-zinc-200")}
                  >
                    <input type="radio" name="survivor" className="mt-1" checked={survivor === i} onChange={() => setSurvivor(i as Side)} aria-label={`Keep ${r.name}`} />
                    <span className="min-w-0">
                      <span className="block font-medium text-zinc-900">{r.name}</span>
                      <span className="block text-xs text-zinc-500">Created {new Date(r.createdAt).toLocaleDateString()}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="overflow-x-auto rounded-lg border border-zinc-200">
              <table className="w-full text-sm">
                <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Field
                    </th>
                    {data.records.map((r, i) => (
                      <th key={r.id} scope="col" className="px-3 py-2 font-medium">
                        {r.name} {survivor === i ? "(stays)" : "(merged away)"}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.fields.map((f) => (
                    <tr key={f.key} className="border-t border-zinc-100">
                      <th scope="row" className="px-3 py-2 text-left font-medium text-zinc-700">
                        {f.label}
                      </th>
                      {f.values.map((v, i) => (
                        <td key={data.records[i]!.id} className="px-3 py-2">
                          <label className="flex cursor-pointer items-start gap-2">
                            <input
                              type="radio"
                              name={`field-${f.key}`}
                              className="mt-1"
                              checked={(picks[f.key] ?? survivor) === i}
                              onChange={() => setPicks((p) => ({ ...p, [f.key]: i as Side }))}
                              aria-label={`${f.label}: ${v ?? "empty"} (${data.records[i]!.name})`}
                            />
                            <span className={cn("break-words", v === null && "text-zinc-400 italic")}>{v ?? "empty"}</span>
                          </label>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="mt-3 text-sm text-zinc-600" data-testid="moves-summary">
              {movesSummary(entityType, mergedRecord.related)} to “{survivorRecord.name}”.
            </p>
            {!data.abilities.merge ? <Alert className="mt-3">You can compare these records but not merge them. Ask a manager.</Alert> : null}
            {merge.isError ? (
              <Alert tone="error" className="mt-3">
                {errorMessage(merge.error)}
              </Alert>
            ) : null}
            <DialogFooter>
              <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={merge.isPending}>
                Cancel
              </Button>
              <Button variant="destructive" disabled={!data.abilities.merge} onClick={() => setConfirming(true)}>
                Merge…
              </Button>
            </DialogFooter>
            <ConfirmDialog
              open={confirming}
              onOpenChange={setConfirming}
              title={`Merge into “${survivorRecord.name}”?`}
              description={`This deletes “${mergedRecord.name}”. It cannot be undone.`}
              confirmLabel="Merge"
              pending={merge.isPending}
              onConfirm={submit}
            />
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
