import { PageHeader } from "@/components/layout/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useWorkspace } from "@/features/workspace/api/get-workspace";
import { WorkspaceForm } from "@/features/workspace/components/workspace-form";

/** /settings/workspace */
export function WorkspacePage() {
  const workspace = useWorkspace();
  return (
    <>
      <PageHeader title="Workspace" description="Your agency's name, locale and branding." />
      <Card className="max-w-3xl">
        <CardBody className="py-5">{workspace.data ? <WorkspaceForm workspace={workspace.data} /> : <SkeletonRows rows={4} />}</CardBody>
      </Card>
    </>
  );
}
