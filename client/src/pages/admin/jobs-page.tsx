import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { LiveIndicator } from "@/components/ui/live-indicator";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useJobs } from "@/features/admin/api/get-jobs";
import { FailedJobsTable, QueuesTable } from "@/features/admin/components/jobs-overview";

/** /admin/jobs — queue counts and failed jobs, refreshed every 5 seconds. */
export function JobsPage() {
  const jobs = useJobs();
  return (
    <>
      <PageHeader
        title="Background jobs"
        description="Emails, webhooks and other work that runs outside requests."
        actions={<LiveIndicator updatedAt={jobs.dataUpdatedAt} fetching={jobs.isFetching} every="every 5 seconds" />}
      />
      {jobs.data ? (
        <div className="space-y-6">
          <QueuesTable data={jobs.data} />
          <FailedJobsTable jobs={jobs.data.failed} />
        </div>
      ) : (
        <Card>
          <SkeletonRows rows={5} />
        </Card>
      )}
    </>
  );
}
