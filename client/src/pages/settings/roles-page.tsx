import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useRoles } from "@/features/roles/api/get-roles";
import { RolesMatrix } from "@/features/roles/components/roles-matrix";

/** /settings/roles — which permissions each role holds. */
export function RolesPage() {
  const roles = useRoles();
  return (
    <>
      <PageHeader
        title="Roles & permissions"
        description="Each user has one role. Tick what a role may do, then save that role's column."
      />
      {roles.data && !roles.data.abilities.manage ? (
        <Alert tone="info" className="mb-4">
          You can see the permissions but not change them.
        </Alert>
      ) : null}
      <Card className="overflow-hidden">{roles.data ? <RolesMatrix data={roles.data} /> : <SkeletonRows rows={8} />}</Card>
    </>
  );
}
