import type { UserDto } from "@shared/contracts/users";
import type { ReactNode } from "react";
import { Card, CardBody } from "@/components/ui/card";
import { formatDateTime, formatRelative, initials } from "@/lib/format";
import { RoleBadge, StatusBadge } from "./user-badges";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-2.5 text-sm">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="text-right font-medium text-zinc-800">{children}</dd>
    </div>
  );
}

/** A member's identity and key dates. */
export function UserProfileCard({ user }: { user: UserDto }) {
  return (
    <Card>
      <CardBody className="flex items-center gap-4 border-b border-zinc-100">
        <span className="flex size-12 items-center justify-center rounded-full bg-brand-soft text-base font-semibold text-brand-strong">
          {initials(user.name)}
        </span>
        <div className="min-w-0">
          <p className="truncate font-semibold text-zinc-900">{user.name}</p>
          <p className="truncate text-sm text-zinc-500">{user.email}</p>
          <div className="mt-1.5 flex flex-wrap gap-1.5">
            <RoleBadge role={user.role} />
            <StatusBadge status={user.status} />
          </div>
        </div>
      </CardBody>
      <CardBody className="py-1">
        <dl className="divide-y divide-zinc-100">
          {user.clientName ? <Row label="Client">{user.clientName}</Row> : null}
          <Row label="Last sign-in">
            <span title={formatDateTime(user.lastLoginAt)}>{formatRelative(user.lastLoginAt)}</span>
          </Row>
          <Row label="Invited">{formatDateTime(user.invitedAt)}</Row>
          <Row label="Added">{formatDateTime(user.createdAt)}</Row>
        </dl>
      </CardBody>
    </Card>
  );
}
