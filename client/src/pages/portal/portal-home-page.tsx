import { Skeleton } from "@/components/ui/skeleton";
import { usePortalOverview } from "@/features/portal/api/get-portal-overview";
import { PortalOverview } from "@/features/portal/components/portal-overview";

/** /portal — the client's welcome page. */
export function PortalHomePage() {
  const overview = usePortalOverview();
  if (!overview.data) {
    return (
      <div className="space-y-6" role="status" aria-label="Loading">
        <Skeleton className="h-40 w-full rounded-2xl" />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
      </div>
    );
  }
  return <PortalOverview data={overview.data} />;
}
