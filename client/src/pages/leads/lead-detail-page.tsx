import { pipelineScopeOf } from "@shared/constants/roles";
import { useQueryClient } from "@tanstack/react-query";
import { Magnet } from "lucide-react";
import { useLocation, useParams } from "wouter";
import { RecordLoadError } from "@/components/crm/record-load-error";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { AttachmentsPanel } from "@/features/attachments/components/attachments-panel";
import { LeadAutomationRuns } from "@/features/automations/components/automation-runs";
import { activitiesKeys } from "@/features/activities/api/activities-keys";
import { Timeline } from "@/features/activities/components/timeline";
import { useLead } from "@/features/leads/api/get-lead";
import { ConvertLeadDialog } from "@/features/leads/components/convert-lead-dialog";
import { LeadStatusBadge } from "@/features/leads/components/lead-badges";
import { LeadDetailsForm } from "@/features/leads/components/lead-details-form";
import { DeleteLeadButton, LeadHeaderControls } from "@/features/leads/components/lead-header-controls";
import { LeadConsentCard, LeadConversionCard, LeadSourceCard } from "@/features/leads/components/lead-info-cards";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { useTeamMembers } from "../clients/use-team-members";
import { useLeadOwners } from "./use-lead-owners";
import { LeadCustomFieldsProvider } from "./lead-custom-fields";

/** /leads/:id — one lead: status/owner in the header, details, consent, source, conversion and timeline. */
export function LeadDetailPage() {
  return (
    <LeadCustomFieldsProvider>
      <LeadDetailBody />
    </LeadCustomFieldsProvider>
  );
}

function LeadDetailBody() {
  const { id = "" } = useParams<{ id: string }>();
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const lead = useLead(id);
  const { members } = useLeadOwners();
  const team = useTeamMembers();
  // Changes write automatic timeline entries: refetch the timeline.
  const refreshTimeline = () => queryClient.invalidateQueries({ queryKey: activitiesKeys.all });

  if (lead.isPending) return <PageSkeleton />;
  if (lead.isError || !lead.data) {
    return (
      <RecordLoadError
        error={lead.error}
        icon={Magnet}
        noun="lead"
        missing={{
          title: "This lead doesn't exist or isn't yours",
          description: "It may have been deleted or converted, or it's owned by someone else.",
        }}
        back={{ href: paths.leads.href(), label: "Back to leads" }}
      />
    );
  }
  const l = lead.data;
  const ownOnly = pipelineScopeOf(me.user.role, me.workspace.staffPipelineScope) === "own";

  return (
    <>
      <PageHeader
        back={{ href: paths.leads.href(), label: "Leads" }}
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="break-all">{l.name}</span>
            <LeadStatusBadge status={l.status} />
          </span>
        }
        documentTitle={l.name}
        description={[l.company, l.email, l.phone].filter(Boolean).join(" · ") || undefined}
        actions={
          <>
            <DeleteLeadButton lead={l} onDeleted={() => navigate(paths.leads.href(), { replace: true })} />
            <ConvertLeadDialog
              lead={l}
              defaultCurrency={me.workspace.currency}
              onConverted={(result) => navigate(paths.client.href(result.clientId, "timeline"))}
            />
          </>
        }
      />
      <div className="mb-6">
        <LeadHeaderControls lead={l} members={members} ownerPicker={!ownOnly} onChanged={refreshTimeline} />
      </div>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <LeadConversionCard lead={l} />
          <LeadDetailsForm lead={l} onSaved={refreshTimeline} />
          <Timeline target={{ entityType: "lead", entityId: l.id }} people={team.members} canWrite={hasPermission(me, "leads.write")} />
          <AttachmentsPanel entityType="lead" entityId={l.id} canWrite={l.abilities.update} canShare={false} />
        </div>
        <div className="space-y-6">
          <LeadConsentCard lead={l} />
          <LeadSourceCard lead={l} />
          <Card className="min-w-0" data-testid="lead-automation-runs">
            <CardHeader title="Automations" />
            <LeadAutomationRuns leadId={l.id} />
          </Card>
        </div>
      </div>
    </>
  );
}
