import { useQueryClient } from "@tanstack/react-query";
import { UsersRound } from "lucide-react";
import { Link, useLocation, useParams } from "wouter";
import { RecordLoadError } from "@/components/crm/record-load-error";
import { PageHeader } from "@/components/layout/page-header";
import { PageSkeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { CustomFieldsProvider } from "@/features/custom-fields/components/custom-fields-provider";
import { activitiesKeys } from "@/features/activities/api/activities-keys";
import { Timeline } from "@/features/activities/components/timeline";
import { useContact } from "@/features/contacts/api/get-contact";
import { ContactActions } from "@/features/contacts/components/contact-actions";
import { ContactDetailsForm } from "@/features/contacts/components/contact-details-form";
import { PortalAccessBadge, PrimaryContactBadge } from "@/features/contacts/components/portal-access-badge";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { useTeamMembers } from "../clients/use-team-members";

/** /contacts/:id — a contact's details and timeline. */
export function ContactDetailPage() {
  return (
    <CustomFieldsProvider>
      <ContactDetailPageBody />
    </CustomFieldsProvider>
  );
}

function ContactDetailPageBody() {
  const { id = "" } = useParams<{ id: string }>();
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const contact = useContact(id);
  const { members } = useTeamMembers();

  if (contact.isPending) return <PageSkeleton />;
  if (contact.isError || !contact.data) {
    return (
      <RecordLoadError
        error={contact.error}
        icon={UsersRound}
        noun="contact"
        missing={{ title: "This contact doesn't exist or isn't shared with you" }}
        failedDescription={null}
        back={{ href: paths.contacts.href(), label: "Back to contacts" }}
      />
    );
  }
  const c = contact.data;
  return (
    <>
      <PageHeader
        back={{ href: paths.contacts.href(), label: "Contacts" }}
        title={c.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {c.title ? <span>{c.title} at</span> : null}
            <Link href={paths.client.href(c.clientId, "contacts")} className="font-medium text-brand hover:underline">
              {c.clientName}
            </Link>
            {c.isPrimary ? <PrimaryContactBadge /> : null}
            <PortalAccessBadge access={c.portalAccess} />
          </span>
        }
        actions={<ContactActions contact={c} showEdit={false} onDeleted={() => navigate(paths.client.href(c.clientId, "contacts"), { replace: true })} />}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <ContactDetailsForm contact={c} onSaved={() => queryClient.invalidateQueries({ queryKey: activitiesKeys.all })} />
        <Timeline target={{ entityType: "contact", entityId: c.id }} people={members} canWrite={hasPermission(me, "clients.write")} />
      </div>
    </>
  );
}
