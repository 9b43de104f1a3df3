import { BarChart3 } from "lucide-react";
import { Link } from "wouter";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { errorMessage } from "@/lib/api-client";
import { useLeadWorkload } from "../api/get-lead-workload";

/** Open leads per person (and unassigned) as bars, with the new ones as the darker part. */
export function LeadWorkload() {
  const workload = useLeadWorkload();
  const rows = workload.data?.data ?? [];
  const max = Math.max(1, ...rows.map((r) => r.open));
  const total = rows.reduce((n, r) => n + r.open, 0);
  return (
    <Card>
      <CardHeader
        title="Open leads per person"
        description={workload.data ? `${total.toLocaleString()} open lead${total === 1 ? "" : "s"} among the ones you can see. The darker part of each bar is still new.` : undefined}
      />
      {workload.isPending ? (
        <SkeletonRows rows={4} />
      ) : workload.isError ? (
        <EmptyState
          icon={BarChart3}
          title="Couldn't load the workload"
          description={errorMessage(workload.error)}
          action={
            <Button variant="secondary" onClick={() => workload.refetch()}>
              Try again
            </Button>
          }
        />
      ) : rows.length === 0 ? (
        <EmptyState icon={BarChart3} title="No open leads" description="When leads come in and are assigned, each person's share shows here." />
      ) : (
        <ul className="divide-y divide-zinc-100" data-testid="lead-workload">
          {rows.map((r) => {
            const name = r.user?.name ?? "Unassigned";
            const href = `${paths.leads.href()}?owner=${r.user ? encodeURIComponent(r.user.id) : "unassigned"}`;
            return (
              <li key={r.user?.id ?? "unassigned"} className="grid grid-cols-1 items-center gap-2 px-5 py-3 sm:grid-cols-[12rem_1fr_11rem]">
                <div className="min-w-0">
                  <Link href={href} className="block truncate text-sm font-medium text-zinc-900 hover:text-brand hover:underline">
                    {name}
                  </Link>
                  {r.role ? <p className="text-xs text-zinc-500 capitalize">{r.role.replace("_", " ")}</p> : null}
                </div>
                <div
                  className="h-3 overflow-hidden rounded-full bg-zinc-100"
                  role="img"
                  aria-label={`${name}: ${r.open} open, ${r.new} new`}
                >
                  <div className={`flex h-full ${r.user ? "" : "opacity-60"}`} style={{ width: `${(r.open / max) * 100}%` }}>
                    <div className="h-full bg-brand" style={{ width: `${r.open ? (r.new / r.open) * 100 : 0}%` }} />
                    <div className="h-full flex-1 bg-brand/40" />
                  </div>
                </div>
                <p className="text-sm text-zinc-600 tabular-nums sm:text-right">
                  <span className="font-semibold text-zinc-900">{r.open.toLocaleString()}</span> open · {r.new.toLocaleString()} new
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
