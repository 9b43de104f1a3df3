import type { AutomationRunDto } from "@shared/contracts/automations";
import { CheckCircle2, CircleSlash, XCircle } from "lucide-react";
import { Link } from "wouter";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/api-client";
import { formatDateTime, formatRelative } from "@/lib/format";
import { useAutomationRuns, useLeadAutomationRuns } from "../api/automations";

const STATUS = {
  succeeded: { tone: "success", label: "Ran", icon: CheckCircle2 },
  failed: { tone: "danger", label: "Failed", icon: XCircle },
  skipped: { tone: "neutral", label: "Skipped", icon: CircleSlash },
} as const;

function RunItem({ run, show }: { run: AutomationRunDto; show: "lead" | "automation" }) {
  const s = STATUS[run.status];
  return (
    <li className="flex gap-3 py-3" data-testid="automation-run">
      <s.icon className={`mt-0.5 size-4 shrink-0 ${run.status === "failed" ? "text-red-600" : run.status === "succeeded" ? "text-emerald-600" : "text-zinc-400"}`} aria-hidden />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-sm text-zinc-700">
          <Badge tone={s.tone}>{s.label}</Badge>{" "}
          {show === "lead" ? (
            run.lead ? (
              <Link href={`/leads/${run.lead.id}`} className="font-medium text-zinc-900 hover:underline">
                {run.lead.name}
              </Link>
            ) : (
              <span className="text-zinc-500">a deleted lead</span>
            )
          ) : (
            <Link href={`/automations/${run.automation.id}`} className="font-medium text-zinc-900 hover:underline">
              {run.automation.name}
            </Link>
          )}
          <span className="text-zinc-400"> · </span>
          <time dateTime={run.createdAt} title={formatDateTime(run.createdAt)} className="text-zinc-500">
            {formatRelative(run.createdAt)}
          </time>
        </p>
        {run.steps.length ? (
          <ul className="space-y-0.5 text-xs text-zinc-600">
            {run.steps.map((step, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered, immutable log
              <li key={i} className={step.ok ? "" : "text-amber-700"}>
                {step.ok ? "✓" : "!"} {step.summary}
              </li>
            ))}
          </ul>
        ) : null}
        {run.error ? <p className="text-xs text-red-700">{run.error}</p> : null}
      </div>
    </li>
  );
}

function RunList({ query, show, empty }: { query: ReturnType<typeof useAutomationRuns>; show: "lead" | "automation"; empty: string }) {
  if (query.isPending) return <SkeletonRows rows={3} />;
  if (query.isError) return <EmptyState title="Couldn't load the runs" description={errorMessage(query.error)} />;
  const runs = query.data.pages.flatMap((p) => p.data);
  if (runs.length === 0) return <EmptyState title="No runs yet" description={empty} />;
  return (
    <>
      <ul className="divide-y divide-zinc-100 px-5">
        {runs.map((r) => (
          <RunItem key={r.id} run={r} show={show} />
        ))}
      </ul>
      <LoadMore hasNextPage={query.hasNextPage} isFetchingNextPage={query.isFetchingNextPage} fetchNextPage={() => void query.fetchNextPage()} shown={runs.length} noun={runs.length === 1 ? "run" : "runs"} />
    </>
  );
}

/** An automation's run log, newest first. */
export function AutomationRunLog({ automationId }: { automationId: string }) {
  return <RunList query={useAutomationRuns(automationId)} show="lead" empty="Runs appear here when a lead matches the trigger and conditions." />;
}

/** The automations that ran on a lead, newest first. */
export function LeadAutomationRuns({ leadId }: { leadId: string }) {
  return <RunList query={useLeadAutomationRuns(leadId)} show="automation" empty="No automation has run on this lead." />;
}
