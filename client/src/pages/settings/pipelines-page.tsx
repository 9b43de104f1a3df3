import { Workflow } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageSkeleton } from "@/components/ui/skeleton";
import { usePipelines } from "@/features/pipelines/api/get-pipelines";
import { CreatePipelineDialog } from "@/features/pipelines/components/create-pipeline-dialog";
import { PipelineEditor } from "@/features/pipelines/components/pipeline-editor";
import { errorMessage } from "@/lib/api-client";

/** /settings/pipelines — pipelines, their stages with win probabilities, and rotting days. */
export function PipelinesPage() {
  const pipelines = usePipelines();
  return (
    <>
      <PageHeader title="Pipelines" description="The stages deals move through, how likely each is to close, and when an idle deal counts as rotting." actions={<CreatePipelineDialog />} />
      {pipelines.isPending ? (
        <PageSkeleton />
      ) : pipelines.isError ? (
        <Alert tone="error">{errorMessage(pipelines.error)}</Alert>
      ) : pipelines.data.data.length === 0 ? (
        <Card>
          <EmptyState icon={Workflow} title="No pipelines yet" description="Use “New pipeline” to create one." />
        </Card>
      ) : (
        <div className="space-y-4">
          {pipelines.data.data.map((p) => (
            <PipelineEditor key={p.id} pipeline={p} />
          ))}
        </div>
      )}
    </>
  );
}
