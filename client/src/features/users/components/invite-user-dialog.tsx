import { zodResolver } from "@hookform/resolvers/zod";
import { assignableRoles, ROLE_LABELS, type Role } from "@shared/constants/roles";
import { InviteUserBody } from "@shared/contracts/users";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { applyFieldErrors } from "@/lib/form-errors";
import { useInviteUser } from "../api/invite-user";
import type { RenderClientPicker } from "./client-picker-slot";

/** "Invite user" button and its dialog; roles offered are those the actor may assign. */
export function InviteUserDialog({ actorRole, renderClientPicker }: { actorRole: Role; renderClientPicker: RenderClientPicker }) {
  const [open, setOpen] = useState(false);
  const roles = assignableRoles(actorRole);
  const invite = useInviteUser();
  const defaults = { email: "", name: "", role: (roles.includes("staff") ? "staff" : roles[0]) as Role, clientId: undefined };
  const form = useForm({ resolver: zodResolver(InviteUserBody), defaultValues: defaults });
  const { errors, isSubmitted } = form.formState;
  const role = form.watch("role");

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      form.reset(defaults);
      invite.reset();
    }
  };

  const submit = form.handleSubmit((values) =>
    invite.mutate(
      { ...values, clientId: values.role === "client" ? values.clientId : undefined },
      {
        onSuccess: (user) => {
          toast.success(`Invitation sent to ${user.email}.`);
          onOpenChange(false);
        },
        onError: (error) =>
          applyFieldErrors(error, form.setError, ["email", "name", "role", "clientId"], { already_exists: "email", conflict: "email" }),
      },
    ),
  );

  if (roles.length === 0) return null;
  const formError = invite.isError && !errors.email && !errors.name && !errors.role && !errors.clientId;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden />
          Invite user
        </Button>
      </DialogTrigger>
      <DialogContent title="Invite a user" description="They'll get an email with a link to set their password. The link expires after a few days.">
        <form onSubmit={submit} noValidate className="space-y-4">
          {formError ? <Alert tone="error">{errorMessage(invite.error)}</Alert> : null}
          <FormField label="Email" error={errors.email?.message}>
            {(f) => <Input {...f} type="email" autoComplete="off" {...form.register("email")} />}
          </FormField>
          <FormField label="Name" error={errors.name?.message}>
            {(f) => <Input {...f} autoComplete="off" {...form.register("name")} />}
          </FormField>
          <FormField label="Role" error={errors.role?.message} hint={role === "client" ? "Client users only see the client portal." : undefined}>
            {(f) => (
              <NativeSelect {...f} {...form.register("role")}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          {role === "client" ? (
            <FormField label="Client" error={errors.clientId?.message}>
              {(f) =>
                renderClientPicker({
                  ...f,
                  value: form.watch("clientId") ?? null,
                  onChange: (id) => form.setValue("clientId", id ?? undefined, { shouldValidate: isSubmitted }),
                })
              }
            </FormField>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
