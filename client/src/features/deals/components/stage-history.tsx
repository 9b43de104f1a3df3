import { History } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDateTime, formatDuration } from "@/lib/format";
import { useStageHistory } from "../api/get-stage-history";

/** Each stay of the deal in a stage with how long it lasted. */
export function StageHistory({ dealId }: { dealId: string }) {
  const history = useStageHistory(dealId);
  const rows = history.data?.data ?? [];
  return (
    <Card>
      <CardHeader title="Stage history" description="Time spent in each stage." />
      {history.isPending ? (
        <SkeletonRows rows={3} />
      ) : rows.length === 0 ? (
        <EmptyState icon={History} title="No stage history yet" />
      ) : (
        <Table data-testid="stage-history">
          <THead>
            <tr>
              <TH>Stage</TH>
              <TH>Entered</TH>
              <TH className="text-right">Time in stage</TH>
            </tr>
          </THead>
          <TBody>
            {[...rows].reverse().map((s) => (
              <TR key={s.id}>
                <TD className="font-medium text-zinc-900">
                  {s.stage.deleted ? (
                    <>
                      {s.stage.name} <span className="font-normal text-zinc-500">(deleted stage)</span>
                    </>
                  ) : (
                    s.stage.name
                  )}
                  {s.leftAt ? null : <span className="ml-2 text-xs font-normal text-brand">current</span>}
                </TD>
                <TD className="whitespace-nowrap">
                  {formatDateTime(s.enteredAt)}
                  {s.actor ? <span className="block text-xs text-zinc-500">by {s.actor.name}</span> : null}
                </TD>
                <TD className="text-right whitespace-nowrap tabular-nums">{formatDuration(s.durationSeconds)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
