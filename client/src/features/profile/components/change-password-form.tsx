import { zodResolver } from "@hookform/resolvers/zod";
import { ChangePasswordBody } from "@shared/contracts/auth";
import { PASSWORD_MIN } from "@shared/constants/limits";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { applyFieldErrors } from "@/lib/form-errors";
import { useChangePassword } from "../api/change-password";

const EMPTY = { currentPassword: "", newPassword: "", endOtherSessions: true };

/** Current + new password, optionally signing out every other session. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  const form = useForm({ resolver: zodResolver(ChangePasswordBody), defaultValues: EMPTY });
  const { errors } = form.formState;

  const submit = form.handleSubmit((v) =>
    change.mutate(v, {
      onSuccess: () => {
        toast.success(v.endOtherSessions ? "Password changed. Your other sessions were signed out." : "Password changed.");
        form.reset(EMPTY);
      },
      onError: (error) => {
        const handled = applyFieldErrors(error, form.setError, ["currentPassword", "newPassword"], {
          weak_password: "newPassword",
          invalid_credentials: "currentPassword",
        });
        if (!handled) toast.error(errorMessage(error));
      },
    }),
  );

  return (
    <Card>
      <CardHeader title="Change password" description={`Use at least ${PASSWORD_MIN} characters; avoid passwords you use elsewhere.`} />
      <CardBody>
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormField label="Current password" error={errors.currentPassword?.message}>
            {(f) => <Input {...f} type="password" autoComplete="current-password" {...form.register("currentPassword")} />}
          </FormField>
          <FormField label="New password" error={errors.newPassword?.message}>
            {(f) => <Input {...f} type="password" autoComplete="new-password" {...form.register("newPassword")} />}
          </FormField>
          <div className="flex items-start gap-2.5">
            <Checkbox id="end-other-sessions" className="mt-0.5" aria-describedby="end-other-sessions-hint" {...form.register("endOtherSessions")} />
            <div>
              <label htmlFor="end-other-sessions" className="text-sm text-zinc-700">
                Sign out other sessions
              </label>
              <p id="end-other-sessions-hint" className="text-xs text-zinc-500">
                Recommended if you think someone else knows your password.
              </p>
            </div>
          </div>
          <div className="flex justify-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
