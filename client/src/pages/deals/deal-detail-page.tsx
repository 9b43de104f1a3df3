import { SquareKanban } from "lucide-react";
import { Link, useLocation, useParams } from "wouter";
import { RecordLoadError } from "@/components/crm/record-load-error";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { Timeline } from "@/features/activities/components/timeline";
import { AttachmentsPanel } from "@/features/attachments/components/attachments-panel";
import { useDeal } from "@/features/deals/api/get-deal";
import { DealDetailsForm } from "@/features/deals/components/deal-details-form";
import { DealStatusBadge, formatMinor, isOverdue, OverdueBadge, RottingBadge } from "@/features/deals/components/deal-format";
import { DealHeaderActions } from "@/features/deals/components/deal-header-actions";
import { StageHistory } from "@/features/deals/components/stage-history";
import { StagePath } from "@/features/deals/components/stage-path";
import { usePipelines } from "@/features/pipelines/api/get-pipelines";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { formatDate, formatDuration } from "@/lib/format";
import { useTeamMembers } from "../clients/use-team-members";
import { useDealOwners } from "./use-deal-owners";
import { DealCustomFieldsProvider } from "./deal-custom-fields";

/** /deals/:id — one deal: stage path, details form, won/lost, stage history and timeline. */
export function DealDetailPage() {
  return (
    <DealCustomFieldsProvider>
      <DealDetailBody />
    </DealCustomFieldsProvider>
  );
}

function DealDetailBody() {
  const { id = "" } = useParams<{ id: string }>();
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const deal = useDeal(id);
  const pipelines = usePipelines();
  const { members } = useTeamMembers();
  const owners = useDealOwners();

  if (deal.isPending) return <PageSkeleton />;
  if (deal.isError || !deal.data) {
    return (
      <RecordLoadError
        error={deal.error}
        icon={SquareKanban}
        noun="deal"
        missing={{
          title: "This deal doesn't exist or isn't shared with you",
          description: "It may have been deleted, or it belongs to someone else.",
        }}
        back={{ href: paths.deals.href(), label: "Back to deals" }}
      />
    );
  }
  const d = deal.data;
  const stages = pipelines.data?.data.find((p) => p.id === d.pipeline.id)?.stages ?? [];
  const party = d.client ? (
    <Link href={paths.client.href(d.client.id)} className="text-brand hover:underline">
      {d.client.name}
    </Link>
  ) : d.lead ? (
    <span>Lead: {d.lead.name}</span>
  ) : null;

  return (
    <>
      <PageHeader
        back={{ href: paths.deals.href({ pipelineId: d.pipeline.id }), label: "Deals" }}
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="break-all">{d.title}</span>
            <DealStatusBadge status={d.status} />
            {d.expectedCloseDate && isOverdue(d) ? <OverdueBadge date={d.expectedCloseDate} /> : null}
            {d.rotting ? <RottingBadge since={d.lastActivityAt} /> : null}
          </span>
        }
        documentTitle={d.title}
        description={
          <span className="flex flex-wrap gap-x-3 gap-y-1">
            <span className="font-medium text-zinc-800">{formatMinor(d.valueMinor, d.currency)}</span>
            {party}
            <span>{d.pipeline.name}</span>
            {d.expectedCloseDate ? <span>Closes {formatDate(d.expectedCloseDate)}</span> : null}
            <span>{d.owner ? `Owner: ${d.owner.name}` : "No owner"}</span>
          </span>
        }
        actions={<DealHeaderActions deal={d} onDeleted={() => navigate(paths.deals.href({ pipelineId: d.pipeline.id }), { replace: true })} />}
      />
      <Card className="mb-4">
        <CardBody className="space-y-2">
          <StagePath deal={d} stages={stages} />
          <p className="text-xs text-zinc-500">
            {d.status === "open"
              ? `In ${d.stage.name} for ${formatDuration(d.timeInStageSeconds)}.`
              : d.status === "won"
                ? `Won ${formatDate(d.closedAt)}.`
                : `Lost ${formatDate(d.closedAt)}${d.lostReason ? `: ${d.lostReason}` : "."}`}
          </p>
        </CardBody>
      </Card>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-4">
          <DealDetailsForm deal={d} members={owners.members} canPickLead={hasPermission(me, "leads.read")} />
          <StageHistory dealId={d.id} />
        </div>
        <div className="space-y-4">
          <section aria-label="Timeline">
            <Timeline target={{ entityType: "deal", entityId: d.id }} people={members} canWrite={d.abilities.update} />
          </section>
          <AttachmentsPanel entityType="deal" entityId={d.id} canWrite={d.abilities.update} canShare={false} />
        </div>
      </div>
    </>
  );
}
