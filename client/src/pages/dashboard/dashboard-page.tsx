import type { Permission } from "@shared/constants/roles";
import { ArrowRight, Briefcase, Building2, Clock, type LucideIcon, MailPlus, ScrollText, ShieldCheck, UserRound, Users } from "lucide-react";
import { Link } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { StatCard } from "@/components/ui/stat-card";
import { paths } from "@/config/paths";
import { useRecentAudit } from "@/features/audit/api/get-audit-log";
import { AuditTable } from "@/features/audit/components/audit-table";
import { useClients } from "@/features/clients/api/get-clients";
import { useUsersFirstPage } from "@/features/users/api/get-users";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { greeting } from "@/lib/format";

const QUICK_LINKS: { label: string; description: string; href: string; icon: LucideIcon; permission?: Permission }[] = [
  { label: "Invite a teammate", description: "Add staff or a client portal user", href: paths.users.href(), icon: MailPlus, permission: "users.invite" },
  { label: "Team", description: "See who has access", href: paths.users.href(), icon: Users, permission: "users.read" },
  { label: "Roles & permissions", description: "Decide what each role can do", href: paths.roles.href(), icon: ShieldCheck, permission: "roles.manage" },
  { label: "Workspace settings", description: "Name, time zone, currency, brand", href: paths.workspace.href(), icon: Building2, permission: "workspace.read" },
  { label: "Audit log", description: "Who changed what, and when", href: paths.auditLog.href(), icon: ScrollText, permission: "audit.read" },
  { label: "Your profile", description: "Name, password and sessions", href: paths.profile.href(), icon: UserRound },
];

const countLabel = (n: number, more: boolean) => (more ? `${n}+` : String(n));

/** / — greeting, counts, recent activity, workspace summary and quick links. */
export function DashboardPage() {
  const me = useCurrentUser();
  const can = (p: Permission) => hasPermission(me, p);
  const users = useUsersFirstPage({ limit: 200 }, { enabled: can("users.read") });
  const clients = useClients({ limit: 200 }, { enabled: can("clients.read") });
  const audit = useRecentAudit({ limit: 6 }, { enabled: can("audit.read") });

  const members = users.data?.data ?? [];
  const more = !!users.data?.meta.nextCursor;
  const active = members.filter((u) => u.status === "active" && u.role !== "client").length;
  const invited = members.filter((u) => u.status === "invited").length;
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  const links = QUICK_LINKS.filter((l) => !l.permission || can(l.permission));

  return (
    <>
      <PageHeader documentTitle="Dashboard" title={`${greeting()}, ${firstName}`} description={`Here's what's happening at ${me.workspace.name}.`} />
      {can("users.read") || can("clients.read") ? (
        <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {can("users.read") ? (
            <>
              <StatCard label="Active team members" value={countLabel(active, more)} icon={Users} href={paths.users.href()} loading={users.isPending} />
              <StatCard
                label="Pending invitations"
                value={countLabel(invited, more)}
                hint={invited > 0 ? "Waiting for people to accept" : "Nobody is waiting"}
                icon={Clock}
                href={`${paths.users.href()}?status=invited`}
                loading={users.isPending}
              />
            </>
          ) : null}
          {can("clients.read") ? (
            <StatCard
              label="Clients"
              value={countLabel(clients.data?.data.length ?? 0, !!clients.data?.meta.nextCursor)}
              icon={Briefcase}
              loading={clients.isPending}
            />
          ) : null}
        </div>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          {can("audit.read") ? (
            <Card>
              <CardHeader
                title="Recent activity"
                actions={
                  <Button variant="link" size="sm" asChild>
                    <Link href={paths.auditLog.href()}>Open audit log</Link>
                  </Button>
                }
              />
              {audit.isPending ? (
                <SkeletonRows rows={4} />
              ) : (audit.data?.data.length ?? 0) === 0 ? (
                <EmptyState icon={ScrollText} title="No activity yet" description="Sign-ins and changes will be listed here." />
              ) : (
                <AuditTable entries={audit.data?.data ?? []} compact />
              )}
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Quick links" />
            <ul className="grid grid-cols-1 gap-px overflow-hidden rounded-b-xl bg-zinc-100 sm:grid-cols-2">
              {links.map((l) => (
                <li key={l.label} className="bg-white">
                  <Link href={l.href} className="group flex items-center gap-3 px-5 py-4 hover:bg-zinc-50">
                    <l.icon className="size-5 text-brand" aria-hidden />
                    <span className="min-w-0 flex-1">
                      <span className="block text-sm font-medium text-zinc-900">{l.label}</span>
                      <span className="block truncate text-xs text-zinc-500">{l.description}</span>
                    </span>
                    <ArrowRight className="size-4 text-zinc-300 transition-transform group-hover:translate-x-0.5 group-hover:text-zinc-500" aria-hidden />
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        </div>
        <Card className="self-start">
          <CardHeader title="Workspace" description="Your agency's settings." />
          <CardBody>
            <dl className="space-y-3 text-sm">
              <div className="flex justify-between gap-3">
                <dt className="text-zinc-500">Name</dt>
                <dd className="font-medium text-zinc-900">{me.workspace.name}</dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-zinc-500">Time zone</dt>
                <dd className="font-medium text-zinc-900">{me.workspace.timezone.replaceAll("_", " ")}</dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-zinc-500">Currency</dt>
                <dd className="font-medium text-zinc-900">{me.workspace.currency}</dd>
              </div>
              <div className="flex items-center justify-between gap-3">
                <dt className="text-zinc-500">Brand colour</dt>
                <dd className="flex items-center gap-2 font-mono text-xs font-medium text-zinc-900">
                  <span className="size-4 rounded-full border border-black/10" style={{ background: me.workspace.brandColor }} aria-hidden />
                  {me.workspace.brandColor}
                </dd>
              </div>
            </dl>
            {can("workspace.read") ? (
              <Button variant="secondary" size="sm" className="mt-5 w-full" asChild>
                <Link href={paths.workspace.href()}>{me.workspace.abilities.update ? "Edit settings" : "View settings"}</Link>
              </Button>
            ) : null}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
