import type { DuplicateEntityType, DuplicatePairDto, DuplicateReason } from "@shared/contracts/duplicates";
import { CopyCheck } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { errorMessage } from "@/lib/api-client";
import { useDismissDuplicate } from "../api/dismiss-duplicate";
import { useInfiniteDuplicates } from "../api/get-duplicates";
import { MergeDialog } from "./merge-dialog";
import { ReasonBadges, ScoreBadge } from "./reason-badges";

const NOUNS: Record<DuplicateEntityType, string> = { client: "clients", contact: "contacts", lead: "leads" };

function RecordCell({ record }: { record: DuplicatePairDto["a"] }) {
  return (
    <div className="min-w-0">
      <p className="truncate font-medium text-zinc-900" title={record.name}>
        {record.name}
      </p>
      {record.detail ? <p className="truncate text-xs text-zinc-500">{record.detail}</p> : null}
    </div>
  );
}

/** Candidate pairs of one record type with "Compare & merge" and "Not duplicates". */
export function DuplicatePairsList({ entityType, reason, canWrite }: { entityType: DuplicateEntityType; reason?: DuplicateReason; canWrite: boolean }) {
  const pairs = useInfiniteDuplicates(entityType, reason);
  const dismiss = useDismissDuplicate();
  const [open, setOpen] = useState<DuplicatePairDto | null>(null);
  const rows = pairs.data?.pages.flatMap((p) => p.data) ?? [];

  const onDismiss = (pair: DuplicatePairDto) =>
    dismiss.mutate(
      { entityType, ids: [pair.a.id, pair.b.id] },
      { onSuccess: () => toast.success("Marked as not duplicates."), onError: (err) => toast.error(errorMessage(err)) },
    );

  if (pairs.isPending) return <Card><SkeletonRows rows={5} /></Card>;
  if (pairs.isError) return <Alert tone="error">{errorMessage(pairs.error)}</Alert>;
  if (rows.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={CopyCheck}
          title={reason ? `No duplicate ${NOUNS[entityType]} found for this reason` : `No duplicate ${NOUNS[entityType]} found`}
          description="Records with the same email, phone or company domain, or very similar names, show up here for you to compare and merge."
        />
      </Card>
    );
  }
  return (
    <Card className="overflow-hidden p-0">
      <Table aria-label={`Possible duplicate ${NOUNS[entityType]}`}>
        <THead>
          <TR>
            <TH>Record</TH>
            <TH>Possible duplicate</TH>
            <TH>Match</TH>
            <TH className="text-right">
              <span className="sr-only">Actions</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((pair) => (
            <TR key={`${pair.a.id}:${pair.b.id}`} data-testid="duplicate-pair">
              <TD className="max-w-56">
                <RecordCell record={pair.a} />
              </TD>
              <TD className="max-w-56">
                <RecordCell record={pair.b} />
              </TD>
              <TD>
                <div className="flex flex-wrap items-center gap-1">
                  <ScoreBadge score={pair.score} />
                  <ReasonBadges reasons={pair.reasons} />
                </div>
              </TD>
              <TD className="text-right">
                <div className="flex justify-end gap-2 whitespace-nowrap">
                  {canWrite ? (
                    <Button variant="ghost" size="sm" loading={dismiss.isPending && dismiss.variables?.ids[0] === pair.a.id} onClick={() => onDismiss(pair)}>
                      Not duplicates
                    </Button>
                  ) : null}
                  <Button variant="secondary" size="sm" onClick={() => setOpen(pair)}>
                    Compare &amp; merge
                  </Button>
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <LoadMore hasNextPage={pairs.hasNextPage} isFetchingNextPage={pairs.isFetchingNextPage} fetchNextPage={() => pairs.fetchNextPage()} shown={rows.length} noun={rows.length === 1 ? "pair" : "pairs"} />
      {open ? <MergeDialog entityType={entityType} pair={open} open onOpenChange={(next) => !next && setOpen(null)} /> : null}
    </Card>
  );
}
