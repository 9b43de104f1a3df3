import { History } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import type { TimelineTarget } from "../api/activities-keys";
import { useInfiniteActivities } from "../api/get-activities";
import { ActivityComposer } from "./activity-composer";
import { ActivityItem } from "./activity-item";
import type { Person } from "./mention-textarea";

/** A record's timeline: the composer (when the user may write) and entries, newest first. */
export function Timeline({ target, people, canWrite }: { target: TimelineTarget; people: Person[]; canWrite: boolean }) {
  const activities = useInfiniteActivities(target);
  const rows = activities.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Card>
      <CardHeader title="Timeline" description="Notes, calls, meetings and emails, plus every change to this record." />
      {canWrite ? <ActivityComposer target={target} people={people} /> : null}
      {activities.isPending ? (
        <SkeletonRows rows={4} />
      ) : rows.length === 0 ? (
        <EmptyState icon={History} title="Nothing on the timeline yet" description={canWrite ? "Log a note or a call above." : undefined} />
      ) : (
        <>
          <ol
            className="relative px-5 py-5 before:absolute before:top-6 before:bottom-6 before:left-[2.2rem] before:w-px before:bg-zinc-200"
            aria-label="Timeline entries, newest first"
            data-testid="timeline"
          >
            {rows.map((a) => (
              <ActivityItem key={a.id} activity={a} />
            ))}
          </ol>
          <LoadMore
            hasNextPage={activities.hasNextPage}
            isFetchingNextPage={activities.isFetchingNextPage}
            fetchNextPage={() => activities.fetchNextPage()}
            shown={rows.length}
            noun={rows.length === 1 ? "entry" : "entries"}
          />
        </>
      )}
    </Card>
  );
}
