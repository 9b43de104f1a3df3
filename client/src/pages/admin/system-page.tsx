import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { LiveIndicator } from "@/components/ui/live-indicator";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useSystemStatus } from "@/features/admin/api/get-system";
import { BreakersTable, IntegrationsTable, SystemFacts } from "@/features/admin/components/system-status";

/** /admin/system — integrations, breakers, database, jobs, cache and version; refreshed every 10 s. */
export function SystemPage() {
  const system = useSystemStatus();
  return (
    <>
      <PageHeader
        title="System status"
        description="Health of the server and the services it depends on."
        actions={<LiveIndicator updatedAt={system.dataUpdatedAt} fetching={system.isFetching} every="every 10 seconds" />}
      />
      {system.data ? (
        <div className="space-y-6">
          <SystemFacts data={system.data} />
          <div className="grid grid-cols-1 gap-6 2xl:grid-cols-2">
            <IntegrationsTable data={system.data} />
            <BreakersTable data={system.data} />
          </div>
        </div>
      ) : (
        <Card>
          <SkeletonRows rows={6} />
        </Card>
      )}
    </>
  );
}
