import { zodResolver } from "@hookform/resolvers/zod";
import { AcceptInviteBody, type InvitePreview, type MeResponse } from "@shared/contracts/auth";
import { PASSWORD_MIN } from "@shared/constants/limits";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { errorMessage, isApiError } from "@/lib/api-client";
import { applyFieldErrors } from "@/lib/form-errors";
import { useAcceptInvite } from "../api/accept-invite";

/** Name + password for an invited user; signs them in on success. */
export function AcceptInviteForm({
  token,
  preview,
  onSuccess,
}: {
  token: string;
  preview: InvitePreview;
  onSuccess: (me: MeResponse) => void;
}) {
  const accept = useAcceptInvite();
  const form = useForm({
    resolver: zodResolver(AcceptInviteBody),
    defaultValues: { token, name: preview.name, password: "" },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) =>
    accept.mutate(values, {
      onSuccess,
      onError: (error) => applyFieldErrors(error, form.setError, ["name", "password"], { weak_password: "password" }),
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {accept.isError && !errors.name && !errors.password ? (
        <Alert tone="error">
          {isApiError(accept.error, "token_invalid")
            ? "This invitation is no longer valid. Ask whoever invited you to send a new one."
            : errorMessage(accept.error)}
        </Alert>
      ) : null}
      <div className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2.5 text-sm">
        <p className="text-xs text-zinc-500">Signing in as</p>
        <p className="font-medium text-zinc-900" data-testid="invite-email">
          {preview.email}
        </p>
      </div>
      <FormField label="Name" error={errors.name?.message}>
        {(field) => <Input {...field} autoComplete="name" {...form.register("name")} />}
      </FormField>
      <FormField label="Password" hint={`At least ${PASSWORD_MIN} characters. Avoid common passwords.`} error={errors.password?.message}>
        {(field) => <Input {...field} type="password" autoComplete="new-password" autoFocus {...form.register("password")} />}
      </FormField>
      <Button type="submit" className="w-full" loading={accept.isPending}>
        Set password and continue
      </Button>
    </form>
  );
}
