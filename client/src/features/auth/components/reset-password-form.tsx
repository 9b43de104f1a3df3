import { zodResolver } from "@hookform/resolvers/zod";
import { ResetPasswordBody } from "@shared/contracts/auth";
import { PASSWORD_MIN } from "@shared/constants/limits";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { errorMessage, isApiError } from "@/lib/api-client";
import { applyFieldErrors } from "@/lib/form-errors";
import { useResetPassword } from "../api/reset-password";

/** Sets a new password with the token from the reset email. */
export function ResetPasswordForm({ token, onSuccess }: { token: string; onSuccess: () => void }) {
  const reset = useResetPassword();
  const form = useForm({ resolver: zodResolver(ResetPasswordBody), defaultValues: { token, password: "" } });

  const submit = form.handleSubmit((values) =>
    reset.mutate(values, {
      onSuccess,
      onError: (error) => applyFieldErrors(error, form.setError, ["password"], { weak_password: "password" }),
    }),
  );

  const tokenError = isApiError(reset.error, "token_invalid") || !!form.formState.errors.token;

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {tokenError ? (
        <Alert tone="error" title="This link no longer works">
          Reset links can be used once and expire after a while. Ask for a new one.
        </Alert>
      ) : reset.isError && !form.formState.errors.password ? (
        <Alert tone="error">{errorMessage(reset.error)}</Alert>
      ) : null}
      <FormField label="New password" hint={`At least ${PASSWORD_MIN} characters. Avoid common passwords.`} error={form.formState.errors.password?.message}>
        {(field) => <Input {...field} type="password" autoComplete="new-password" autoFocus {...form.register("password")} />}
      </FormField>
      <Button type="submit" className="w-full" loading={reset.isPending}>
        Set new password
      </Button>
    </form>
  );
}
