import { ScrollText } from "lucide-react";
import { Link, useParams } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageSkeleton, SkeletonRows } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { useInvalidateAudit, useRecentAudit } from "@/features/audit/api/get-audit-log";
import { AuditTable } from "@/features/audit/components/audit-table";
import { ClientSelect } from "@/features/clients/components/client-select";
import { useUser } from "@/features/users/api/get-user";
import { EditUserForm } from "@/features/users/components/edit-user-form";
import { UserActionButtons } from "@/features/users/components/user-actions-menu";
import { UserProfileCard } from "@/features/users/components/user-profile-card";
import { hasPermission, useCurrentUser } from "@/lib/auth";

function RecentActivity({ userId }: { userId: string }) {
  const audit = useRecentAudit({ entityType: "user", entityId: userId, limit: 10 });
  const entries = audit.data?.data ?? [];
  return (
    <Card>
      <CardHeader
        title="Recent activity"
        description="Audit entries about this member."
        actions={
          <Button variant="link" size="sm" asChild>
            <Link href={paths.auditLog.href({ entityType: "user", entityId: userId })}>View all</Link>
          </Button>
        }
      />
      {audit.isPending ? (
        <SkeletonRows rows={3} />
      ) : audit.isError ? (
        <EmptyState icon={ScrollText} title="Couldn't load activity" description="Reload the page to try again." />
      ) : entries.length === 0 ? (
        <EmptyState icon={ScrollText} title="No activity yet" description="Changes to this member will be listed here." />
      ) : (
        <AuditTable entries={entries} compact />
      )}
    </Card>
  );
}

/** /users/:id — a member's details, edit form, actions and recent audit entries. */
export function UserDetailPage() {
  const { id = "" } = useParams<{ id: string }>();
  const me = useCurrentUser();
  const user = useUser(id);
  const invalidateAudit = useInvalidateAudit();
  const canAudit = hasPermission(me, "audit.read");

  if (!user.data) return <PageSkeleton />;
  const u = user.data;
  return (
    <>
      <PageHeader
        back={{ href: paths.users.href(), label: "Team" }}
        title={u.name}
        description={u.email}
        actions={<UserActionButtons user={u} onChanged={canAudit ? invalidateAudit : undefined} />}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <div className="space-y-6">
          <UserProfileCard user={u} />
        </div>
        <div className="space-y-6">
          <EditUserForm
            user={u}
            actorRole={me.user.role}
            renderClientPicker={(props) => <ClientSelect {...props} />}
            onSaved={canAudit ? invalidateAudit : undefined}
          />
          {canAudit ? <RecentActivity userId={u.id} /> : null}
        </div>
      </div>
    </>
  );
}
