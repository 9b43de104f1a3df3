import type { BreakerDto, SystemStatusResponse } from "@shared/contracts/admin";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDuration, formatRelative } from "@/lib/format";

const BREAKER_TONE: Record<BreakerDto["state"], BadgeTone> = { closed: "success", open: "danger", half_open: "warning", isolated: "neutral" };
const BREAKER_LABEL: Record<BreakerDto["state"], string> = { closed: "Closed", open: "Open", half_open: "Half-open", isolated: "Isolated" };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs">
      <p className="text-xs text-zinc-500">{label}</p>
      <div className="mt-1 text-sm font-semibold text-zinc-900">{children}</div>
    </div>
  );
}

function OkBadge({ ok, yes = "Yes", no = "No" }: { ok: boolean; yes?: string; no?: string }) {
  return <Badge tone={ok ? "success" : "danger"}>{ok ? yes : no}</Badge>;
}

/** Version, runtime, database, cache and job runner at a glance. */
export function SystemFacts({ data }: { data: SystemStatusResponse }) {
  const db = data.database;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6" data-testid="system-facts">
      <Fact label="Version">
        <span className="font-mono">{data.version}</span>
      </Fact>
      <Fact label="Node.js">
        <span className="font-mono">{data.nodeVersion}</span>
      </Fact>
      <Fact label="Uptime">{formatDuration(data.uptimeSeconds)}</Fact>
      <Fact label="Database">
        <OkBadge ok={db.ok} yes="Healthy" no="Unreachable" />
        <p className="mt-1 text-xs font-normal text-zinc-500">{db.migrations} migrations applied</p>
      </Fact>
      <Fact label="Connection pool">
        <span className="tabular-nums">
          {db.poolTotal} total · {db.poolIdle} idle
        </span>
        <p className={db.poolWaiting > 0 ? "mt-1 text-xs font-medium text-amber-700" : "mt-1 text-xs font-normal text-zinc-500"}>
          {db.poolWaiting} waiting
        </p>
      </Fact>
      <Fact label="Jobs & cache">
        <OkBadge ok={data.jobs.running} yes="Runner on" no="Runner off" />
        <p className="mt-1 text-xs font-normal text-zinc-500">Cache: {data.cache.backend}</p>
      </Fact>
    </div>
  );
}

/** Each external integration: configured or not, with a non-secret detail. */
export function IntegrationsTable({ data }: { data: SystemStatusResponse }) {
  return (
    <Card>
      <CardHeader title="Integrations" description="Unconfigured integrations fall back to safe local behaviour." />
      <Table data-testid="integrations-table">
        <THead>
          <tr>
            <TH>Integration</TH>
            <TH>Configured</TH>
            <TH className="hidden sm:table-cell">Detail</TH>
          </tr>
        </THead>
        <TBody>
          {data.integrations.map((i) => (
            <TR key={i.provider}>
              <TD>
                <p className="font-medium text-zinc-900">{i.label}</p>
                <p className="text-xs text-zinc-500 sm:hidden">{i.detail}</p>
              </TD>
              <TD>
                <Badge tone={i.configured ? "success" : "neutral"}>{i.configured ? "Yes" : "No"}</Badge>
              </TD>
              <TD className="hidden text-zinc-600 sm:table-cell">{i.detail}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}

/** Circuit breaker state per provider. */
export function BreakersTable({ data }: { data: SystemStatusResponse }) {
  return (
    <Card>
      <CardHeader title="Circuit breakers" description="An open breaker stops calls to a failing provider for a while." />
      {data.breakers.length === 0 ? (
        <EmptyState title="No breakers yet" description="Breakers appear after the first call to an external provider." />
      ) : (
        <Table data-testid="breakers-table">
          <THead>
            <tr>
              <TH>Provider</TH>
              <TH>State</TH>
              <TH className="hidden text-right sm:table-cell">Failures</TH>
              <TH className="hidden text-right sm:table-cell">Successes</TH>
              <TH className="hidden text-right md:table-cell">Rejected</TH>
              <TH className="hidden md:table-cell">Last failure</TH>
            </tr>
          </THead>
          <TBody>
            {data.breakers.map((b) => (
              <TR key={b.provider}>
                <TD className="font-medium text-zinc-900">{b.provider}</TD>
                <TD>
                  <Badge tone={BREAKER_TONE[b.state]}>{BREAKER_LABEL[b.state]}</Badge>
                </TD>
                <TD className="hidden text-right tabular-nums sm:table-cell">{b.failures}</TD>
                <TD className="hidden text-right tabular-nums sm:table-cell">{b.successes}</TD>
                <TD className="hidden text-right tabular-nums md:table-cell">{b.rejections}</TD>
                <TD className="hidden md:table-cell">{b.lastFailureAt ? formatRelative(b.lastFailureAt) : "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
