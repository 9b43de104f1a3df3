import type { FailedJobDto, JobsOverviewResponse } from "@shared/contracts/admin";
import { CircleCheck, RotateCcw } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { errorMessage } from "@/lib/api-client";
import { formatDateTime, formatRelative } from "@/lib/format";
import { useRetryJob } from "../api/retry-job";

const num = (n: number) => n.toLocaleString();

/** Per-queue counts. */
export function QueuesTable({ data }: { data: JobsOverviewResponse }) {
  return (
    <Card>
      <CardHeader
        title="Queues"
        description="Jobs waiting, running, done and failed in each queue."
        actions={<Badge tone={data.runnerStarted ? "success" : "danger"}>{data.runnerStarted ? "Runner running" : "Runner stopped"}</Badge>}
      />
      {data.queues.length === 0 ? (
        <EmptyState title="No queues registered" description="Queues appear once the job runner has started." />
      ) : (
        <Table data-testid="queues-table">
          <THead>
            <tr>
              <TH>Queue</TH>
              <TH className="text-right">Queued</TH>
              <TH className="text-right">Active</TH>
              <TH className="text-right">Completed</TH>
              <TH className="text-right">Failed</TH>
              <TH className="hidden md:table-cell">Dead letter</TH>
            </tr>
          </THead>
          <TBody>
            {data.queues.map((q) => (
              <TR key={q.name}>
                <TD className="font-mono text-xs font-medium text-zinc-900">{q.name}</TD>
                <TD className="text-right tabular-nums">{num(q.queued)}</TD>
                <TD className="text-right tabular-nums">{num(q.active)}</TD>
                <TD className="text-right tabular-nums">{num(q.completed)}</TD>
                <TD className="text-right tabular-nums">{q.failed > 0 ? <span className="font-semibold text-red-600">{num(q.failed)}</span> : 0}</TD>
                <TD className="hidden font-mono text-xs text-zinc-500 md:table-cell">{q.deadLetter ?? "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

function RetryButton({ job }: { job: FailedJobDto }) {
  const retry = useRetryJob();
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={retry.isPending}
      onClick={() =>
        retry.mutate(
          { queue: job.queue, id: job.id },
          { onSuccess: () => toast.success("Job queued to run again."), onError: (error) => toast.error(errorMessage(error)) },
        )
      }
      aria-label={`Retry job ${job.id}`}
    >
      {retry.isPending ? null : <RotateCcw aria-hidden />}
      Retry
    </Button>
  );
}

/** Failed and dead-lettered jobs with a retry button each. */
export function FailedJobsTable({ jobs }: { jobs: FailedJobDto[] }) {
  return (
    <Card>
      <CardHeader title="Failed jobs" description="Jobs that used up their retries. Fix the cause, then retry them." />
      {jobs.length === 0 ? (
        <EmptyState icon={CircleCheck} title="No failed jobs" description="Everything ran successfully. Failed jobs will show up here." />
      ) : (
        <Table data-testid="failed-jobs-table">
          <THead>
            <tr>
              <TH>Job</TH>
              <TH>State</TH>
              <TH className="hidden sm:table-cell">Retries</TH>
              <TH className="hidden md:table-cell">Error</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {jobs.map((j) => (
              <TR key={`${j.queue}:${j.id}`}>
                <TD>
                  <p className="font-mono text-xs font-medium text-zinc-900">{j.queue}</p>
                  <p className="font-mono text-xs text-zinc-400" title={`Created ${formatDateTime(j.createdOn)}`}>
                    {j.id.slice(0, 8)} · {formatRelative(j.createdOn)}
                  </p>
                </TD>
                <TD>
                  <Badge tone="danger">{j.state}</Badge>
                </TD>
                <TD className="hidden tabular-nums sm:table-cell">{j.retryCount}</TD>
                <TD className="hidden max-w-md md:table-cell">
                  <p className="line-clamp-2 font-mono text-xs text-zinc-600" title={j.error ?? undefined}>
                    {j.error ?? "—"}
                  </p>
                </TD>
                <TD className="text-right">
                  <RetryButton job={j} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
