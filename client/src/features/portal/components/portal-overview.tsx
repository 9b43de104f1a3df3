import type { PortalOverviewResponse } from "@shared/contracts/clients";
import { Building2, CalendarDays, MessageSquare } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { formatDate, greeting } from "@/lib/format";

const STATUS: Record<PortalOverviewResponse["client"]["status"], { label: string; tone: BadgeTone }> = {
  prospect: { label: "Getting started", tone: "info" },
  active: { label: "Active engagement", tone: "success" },
  paused: { label: "Paused", tone: "warning" },
  churned: { label: "Ended", tone: "neutral" },
};

/** Welcome banner and the client account at a glance. */
export function PortalOverview({ data }: { data: PortalOverviewResponse }) {
  const status = STATUS[data.client.status];
  const firstName = data.user.name.split(/\s+/)[0] ?? data.user.name;
  return (
    <div className="space-y-6">
      <section className="overflow-hidden rounded-2xl bg-brand text-brand-foreground shadow-sm">
        <div className="px-6 py-8 sm:px-8">
          <p className="text-sm opacity-80">{data.workspace.name} · Client portal</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight sm:text-3xl">
            {greeting()}, {firstName}
          </h1>
          <p className="mt-2 max-w-xl text-sm opacity-90">
            Welcome to your space with {data.workspace.name}. This is where you'll follow the work we do for{" "}
            {data.client.name}.
          </p>
        </div>
      </section>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Card>
          <CardBody className="flex items-start gap-3">
            <Building2 className="mt-0.5 size-5 text-brand" aria-hidden />
            <div className="min-w-0">
              <p className="text-xs text-zinc-500">Your company</p>
              <p className="truncate font-semibold text-zinc-900" data-testid="portal-client-name">
                {data.client.name}
              </p>
              <Badge tone={status.tone} className="mt-1.5">
                {status.label}
              </Badge>
            </div>
          </CardBody>
        </Card>
        <Card>
          <CardBody className="flex items-start gap-3">
            <CalendarDays className="mt-0.5 size-5 text-brand" aria-hidden />
            <div>
              <p className="text-xs text-zinc-500">Client since</p>
              <p className="font-semibold text-zinc-900">{formatDate(data.client.createdAt)}</p>
            </div>
          </CardBody>
        </Card>
        <Card>
          <CardBody className="flex items-start gap-3">
            <MessageSquare className="mt-0.5 size-5 text-brand" aria-hidden />
            <div>
              <p className="text-xs text-zinc-500">Signed in as</p>
              <p className="truncate font-semibold text-zinc-900">{data.user.email}</p>
            </div>
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardBody>
          <h2 className="font-semibold text-zinc-900">What's next</h2>
          <p className="mt-1 text-sm text-zinc-500">
            Campaigns, approvals and invoices will appear here as your agency shares them. You'll get an email when
            something needs your attention.
          </p>
        </CardBody>
      </Card>
    </div>
  );
}
