import type { UserDto } from "@shared/contracts/users";
import { type LucideIcon, MailPlus, Pencil, RotateCcw, UserX } from "lucide-react";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { paths } from "@/config/paths";
import { errorMessage } from "@/lib/api-client";
import { useDeactivateUser } from "../api/deactivate-user";
import { useReactivateUser } from "../api/reactivate-user";
import { useResendInvite } from "../api/resend-invite";

export interface UserAction {
  key: "edit" | "deactivate" | "reactivate" | "resendInvite";
  label: string;
  icon: LucideIcon;
  destructive?: boolean;
  href?: string;
  pending?: boolean;
  run?: () => void;
}

/** The actions the user's abilities allow, plus the confirm dialog they may open. */
export function useUserActions(
  user: UserDto,
  options: { includeEdit?: boolean; onChanged?: () => void } = {},
): { actions: UserAction[]; dialogs: ReactNode } {
  const [confirm, setConfirm] = useState<"deactivate" | null>(null);
  const deactivate = useDeactivateUser();
  const reactivate = useReactivateUser();
  const resend = useResendInvite();
  const { abilities } = user;

  const done = (message: string) => () => {
    toast.success(message);
    options.onChanged?.();
  };
  const failed = (error: unknown) => toast.error(errorMessage(error));

  const actions: UserAction[] = [];
  if (options.includeEdit && abilities.update) actions.push({ key: "edit", label: "Edit", icon: Pencil, href: paths.user.href(user.id) });
  if (abilities.resendInvite)
    actions.push({
      key: "resendInvite",
      label: "Resend invite",
      icon: MailPlus,
      pending: resend.isPending,
      run: () => resend.mutate(user.id, { onSuccess: done(`Invitation resent to ${user.email}.`), onError: failed }),
    });
  if (abilities.reactivate)
    actions.push({
      key: "reactivate",
      label: "Reactivate",
      icon: RotateCcw,
      pending: reactivate.isPending,
      run: () => reactivate.mutate(user.id, { onSuccess: done(`${user.name} can sign in again.`), onError: failed }),
    });
  if (abilities.deactivate)
    actions.push({ key: "deactivate", label: "Deactivate", icon: UserX, destructive: true, run: () => setConfirm("deactivate") });

  const dialogs = (
    <ConfirmDialog
      open={confirm === "deactivate"}
      onOpenChange={(open) => setConfirm(open ? "deactivate" : null)}
      title={`Deactivate ${user.name}?`}
      description={
        <>
          <p>
            {user.name} ({user.email}) will be signed out everywhere and won't be able to sign in. Their history stays in
            the audit log.
          </p>
          <p className="mt-2">You can reactivate them later.</p>
        </>
      }
      confirmLabel="Deactivate"
      pending={deactivate.isPending}
      onConfirm={() =>
        deactivate.mutate(user.id, {
          onSuccess: (u) => {
            setConfirm(null);
            done(`${u.name} has been deactivated.`)();
          },
          onError: failed,
        })
      }
    />
  );
  return { actions, dialogs };
}
