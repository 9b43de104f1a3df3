import { PORTAL_SECTIONS, type PortalOverviewResponse } from "@shared/contracts/clients";
import { Building2, CalendarDays, CheckCircle2, Mail, MessageSquare, Star, UsersRound } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { formatDate, greeting } from "@/lib/format";
import { PortalFiles } from "./portal-files";

const SECTION_TEXT: Record<(typeof PORTAL_SECTIONS)[number], { label: string; description: string }> = {
  tasks: { label: "Tasks", description: "Follow the work in progress and what's waiting on you." },
  invoices: { label: "Invoices", description: "See your invoices and their payment status." },
  tickets: { label: "Tickets", description: "Raise and track support requests." },
  messages: { label: "Messages", description: "Talk to the team working on your account." },
  reports: { label: "Reports", description: "Read the performance reports we share." },
};

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
            <MessageSquare className="mt-0.5 size-5 shrink-0 text-brand" aria-hidden />
            <div className="min-w-0">
              <p className="text-xs text-zinc-500">Signed in as</p>
              <p className="truncate font-semibold text-zinc-900">{data.user.email}</p>
            </div>
          </CardBody>
        </Card>
      </div>
      <PortalSections sections={data.sections} />
      <PortalFiles />
      <PortalContacts contacts={data.contacts} clientName={data.client.name} />
    </div>
  );
}

/** A card for each section the agency switched on; switched-off sections are not shown at all. */
function PortalSections({ sections }: { sections: PortalOverviewResponse["sections"] }) {
  const enabled = PORTAL_SECTIONS.filter((s) => sections[s]);
  if (enabled.length === 0) {
    return (
      <Card>
        <CardBody>
          <h2 className="font-semibold text-zinc-900">What's next</h2>
          <p className="mt-1 text-sm text-zinc-500">
            Your agency will share tasks, invoices and reports here. You'll get an email when something needs your attention.
          </p>
        </CardBody>
      </Card>
    );
  }
  return (
    <section aria-labelledby="portal-sections">
      <h2 id="portal-sections" className="mb-3 font-semibold text-zinc-900">
        Your portal
      </h2>
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="portal-sections">
        {enabled.map((s) => (
          <li key={s}>
            <Card className="h-full">
              <CardBody>
                <div className="flex items-center justify-between gap-2">
                  <p className="font-semibold text-zinc-900">{SECTION_TEXT[s].label}</p>
                  <Badge tone="success">
                    <CheckCircle2 className="size-3" aria-hidden />
                    Enabled
                  </Badge>
                </div>
                <p className="mt-1 text-sm text-zinc-500">{SECTION_TEXT[s].description}</p>
                <p className="mt-2 text-xs text-zinc-400">Nothing shared here yet: items appear as your agency adds them.</p>
              </CardBody>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The client's people on record with the agency. */
function PortalContacts({ contacts, clientName }: { contacts: PortalOverviewResponse["contacts"]; clientName: string }) {
  return (
    <Card>
      <CardBody>
        <h2 className="flex items-center gap-2 font-semibold text-zinc-900">
          <UsersRound className="size-4 text-brand" aria-hidden />
          Contacts at {clientName}
        </h2>
        {contacts.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-500">No contacts on record yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-zinc-100" data-testid="portal-contacts">
            {contacts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
                <div className="min-w-0">
                  <p className="flex items-center gap-2 font-medium text-zinc-900">
                    {c.name}
                    {c.isPrimary ? (
                      <Badge tone="brand">
                        <Star className="size-3" aria-hidden />
                        Primary
                      </Badge>
                    ) : null}
                  </p>
                  {c.title ? <p className="text-xs text-zinc-500">{c.title}</p> : null}
                </div>
                {c.email ? (
                  <a href={`mailto:${c.email}`} className="inline-flex min-w-0 items-center gap-1.5 text-sm text-zinc-600 hover:text-brand">
                    <Mail className="size-3.5 shrink-0" aria-hidden />
                    <span className="truncate">{c.email}</span>
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
