import { useQueryClient } from "@tanstack/react-query";
import { Briefcase } from "lucide-react";
import { useLocation, useParams } from "wouter";
import { RecordLoadError } from "@/components/crm/record-load-error";
import { PageHeader } from "@/components/layout/page-header";
import { PageSkeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { paths } from "@/config/paths";
import { CustomFieldsProvider } from "@/features/custom-fields/components/custom-fields-provider";
import { activitiesKeys } from "@/features/activities/api/activities-keys";
import { AttachmentsPanel } from "@/features/attachments/components/attachments-panel";
import { Timeline } from "@/features/activities/components/timeline";
import { useClient } from "@/features/clients/api/get-client";
import { ClientStatusBadge, formatMoney } from "@/features/clients/components/client-badges";
import { ClientDetailsForm } from "@/features/clients/components/client-details-form";
import { DeleteClientButton } from "@/features/clients/components/client-header-actions";
import { ClientPortalCard } from "@/features/clients/components/client-portal-card";
import { ClientTeamCard } from "@/features/clients/components/client-team-card";
import { ClientContacts } from "@/features/contacts/components/client-contacts";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { useUrlFilters } from "@/lib/url-filters";
import { useTeamMembers } from "./use-team-members";

const TABS = ["details", "contacts", "team", "portal", "files", "timeline"] as const;
type Tab = (typeof TABS)[number];
const TAB_KEYS = ["tab"] as const;

/** /clients/:id — one client: details, contacts, team, portal switches, files and timeline. */
export function ClientDetailPage() {
  return (
    <CustomFieldsProvider>
      <ClientDetailPageBody />
    </CustomFieldsProvider>
  );
}

function ClientDetailPageBody() {
  const { id = "" } = useParams<{ id: string }>();
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const client = useClient(id);
  const { members } = useTeamMembers();
  const { values, setFilters } = useUrlFilters(TAB_KEYS);
  const tab: Tab = (TABS as readonly string[]).includes(values.tab) ? (values.tab as Tab) : "details";
  // Edits write automatic timeline entries; show them next time the timeline opens.
  const refreshTimeline = () => queryClient.invalidateQueries({ queryKey: activitiesKeys.all });

  if (client.isPending) return <PageSkeleton />;
  if (client.isError || !client.data) {
    return (
      <RecordLoadError
        error={client.error}
        icon={Briefcase}
        noun="client"
        missing={{
          title: "This client doesn't exist or isn't shared with you",
          description: "It may have been deleted, or you're not on its team.",
        }}
        back={{ href: paths.clients.href(), label: "Back to clients" }}
      />
    );
  }
  const c = client.data;
  const canWrite = hasPermission(me, "clients.write");

  return (
    <>
      <PageHeader
        back={{ href: paths.clients.href(), label: "Clients" }}
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="break-all">{c.name}</span>
            <ClientStatusBadge status={c.status} />
          </span>
        }
        documentTitle={c.name}
        description={
          [c.industry, c.owner ? `Owner: ${c.owner.name}` : "No owner", c.retainer ? `${formatMoney(c.retainer)} / month` : null]
            .filter(Boolean)
            .join(" · ")
        }
        actions={<DeleteClientButton client={c} onDeleted={() => navigate(paths.clients.href(), { replace: true })} />}
      />
      <Tabs value={tab} onValueChange={(next) => setFilters({ tab: next === "details" ? "" : next })}>
        <TabsList aria-label="Client sections">
          <TabsTrigger value="details">Details</TabsTrigger>
          <TabsTrigger value="contacts">Contacts</TabsTrigger>
          <TabsTrigger value="team">Team</TabsTrigger>
          <TabsTrigger value="portal">Portal</TabsTrigger>
          <TabsTrigger value="files">Files</TabsTrigger>
          <TabsTrigger value="timeline">Timeline</TabsTrigger>
        </TabsList>
        <TabsContent value="details">
          <ClientDetailsForm client={c} members={members} onSaved={refreshTimeline} />
        </TabsContent>
        <TabsContent value="contacts">
          <ClientContacts clientId={c.id} canAdd={canWrite && c.abilities.update} />
        </TabsContent>
        <TabsContent value="team">
          <ClientTeamCard client={c} members={members} onSaved={refreshTimeline} />
        </TabsContent>
        <TabsContent value="portal">
          <ClientPortalCard client={c} />
        </TabsContent>
        <TabsContent value="files">
          <AttachmentsPanel entityType="client" entityId={c.id} canWrite={canWrite && c.abilities.update} canShare={canWrite && c.abilities.update} />
        </TabsContent>
        <TabsContent value="timeline">
          <Timeline target={{ entityType: "client", entityId: c.id }} people={members} canWrite={canWrite} />
        </TabsContent>
      </Tabs>
    </>
  );
}
