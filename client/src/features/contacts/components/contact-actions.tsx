import type { ContactDto } from "@shared/contracts/contacts";
import { MailPlus, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage, isApiError } from "@/lib/api-client";
import { useDeleteContact } from "../api/delete-contact";
import { useInviteContact } from "../api/invite-contact";
import { useResendPortalInvite } from "../api/resend-portal-invite";
import { ContactFormDialog } from "./contact-form-dialog";

/** Why inviting fails, in words a person can act on. */
function inviteErrorMessage(error: unknown): string {
  if (isApiError(error, "invite_already_accepted")) return "They have already accepted their invitation.";
  if (isApiError(error, "already_exists")) return "That email already has an account in this workspace.";
  if (isApiError(error) && error.status === 409) return error.message;
  if (isApiError(error) && error.status === 400) return "Add an email address to this contact first.";
  return errorMessage(error);
}

/** Edit / invite to portal / delete buttons for one contact, as its abilities allow. */
export function ContactActions({
  contact,
  showEdit = true,
  onDeleted,
}: {
  contact: ContactDto;
  showEdit?: boolean;
  onDeleted?: () => void;
}) {
  const [confirm, setConfirm] = useState<"invite" | "delete" | null>(null);
  const sendInvite = useInviteContact();
  const resendInvite = useResendPortalInvite();
  const remove = useDeleteContact();
  const { abilities } = contact;
  const resend = abilities.resendPortalInvite;
  const canInvite = abilities.inviteToPortal || resend;
  const invite = resend ? resendInvite : sendInvite;
  const hasPortal = contact.portalAccess === "active" || contact.portalAccess === "invited";

  return (
    <div className="flex flex-wrap items-center gap-1">
      {showEdit && abilities.update ? (
        <ContactFormDialog
          clientId={contact.clientId}
          contact={contact}
          trigger={
            <Button variant="ghost" size="sm" aria-label={`Edit ${contact.name}`}>
              <Pencil aria-hidden />
              <span className="hidden sm:inline">Edit</span>
            </Button>
          }
        />
      ) : null}
      {canInvite ? (
        <Button variant="ghost" size="sm" onClick={() => setConfirm("invite")} aria-label={resend ? `Resend the portal invite to ${contact.name}` : `Invite ${contact.name} to the portal`}>
          <MailPlus aria-hidden />
          <span className="hidden sm:inline">{resend ? "Resend invite" : "Invite to portal"}</span>
        </Button>
      ) : null}
      {abilities.delete ? (
        <Button variant="ghost" size="sm" className="text-red-600 hover:bg-red-50 hover:text-red-700" onClick={() => setConfirm("delete")} aria-label={`Delete ${contact.name}`}>
          <Trash2 aria-hidden />
        </Button>
      ) : null}
      <ConfirmDialog
        open={confirm === "invite"}
        onOpenChange={(open) => setConfirm(open ? "invite" : null)}
        title={`Invite ${contact.name} to the portal?`}
        description={
          contact.email ? (
            <p>
              {resend ? `We'll email ${contact.email} a new link; the one sent before stops working. ` : `We'll email ${contact.email} a link to set a password. `}
              They'll see {contact.clientName}'s portal and nothing else.
            </p>
          ) : (
            <p>This contact has no email address. Add one before inviting them.</p>
          )
        }
        confirmLabel={resend ? "Resend invitation" : "Send invitation"}
        destructive={false}
        pending={invite.isPending}
        onConfirm={() =>
          invite.mutate(contact.id, {
            onSuccess: (c) => {
              setConfirm(null);
              toast.success(resend ? `A new portal invitation was sent to ${c.email ?? c.name}.` : `Portal invitation sent to ${c.email ?? c.name}.`);
            },
            onError: (error) => {
              setConfirm(null);
              toast.error(inviteErrorMessage(error));
            },
          })
        }
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onOpenChange={(open) => setConfirm(open ? "delete" : null)}
        title={`Delete ${contact.name}?`}
        description={
          <>
            <p>They'll be removed from {contact.clientName}. This can't be undone.</p>
            {hasPortal ? (
              <p className="mt-2 font-medium" data-testid="delete-contact-portal-warning">
                {contact.portalAccess === "active"
                  ? `Their portal login will be deactivated and they'll be signed out everywhere.`
                  : `Their pending portal invitation will be revoked: the link stops working.`}
              </p>
            ) : null}
          </>
        }
        confirmLabel="Delete contact"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(contact.id, {
            onSuccess: () => {
              setConfirm(null);
              toast.success(`${contact.name} was deleted.`);
              onDeleted?.();
            },
            onError: (error) => toast.error(errorMessage(error)),
          })
        }
      />
    </div>
  );
}
