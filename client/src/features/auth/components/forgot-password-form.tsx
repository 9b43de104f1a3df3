import { zodResolver } from "@hookform/resolvers/zod";
import { ForgotPasswordBody } from "@shared/contracts/auth";
import { MailCheck } from "lucide-react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { errorMessage, isApiError } from "@/lib/api-client";
import { applyFieldErrors } from "@/lib/form-errors";
import { useForgotPassword } from "../api/forgot-password";
import { retryAfterText } from "./retry-after";

/** Asks for an email and always answers the same way, so accounts can't be probed. */
export function ForgotPasswordForm() {
  const forgot = useForgotPassword();
  const form = useForm({ resolver: zodResolver(ForgotPasswordBody), defaultValues: { email: "" } });

  if (forgot.isSuccess) {
    return (
      <div className="space-y-4 text-center" role="status">
        <div className="mx-auto flex size-11 items-center justify-center rounded-full bg-emerald-50 text-emerald-600">
          <MailCheck className="size-5" aria-hidden />
        </div>
        <p className="text-sm text-zinc-700">
          If an account exists for <strong>{forgot.variables?.email}</strong>, we sent a link to reset the password. It
          expires soon, so use it today.
        </p>
      </div>
    );
  }

  const submit = form.handleSubmit((values) =>
    forgot.mutate(values, { onError: (error) => applyFieldErrors(error, form.setError, ["email"]) }),
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {forgot.isError && !isApiError(forgot.error, "validation_failed") ? (
        <Alert tone="error">
          {errorMessage(forgot.error)}
          {retryAfterText(forgot.error)}
        </Alert>
      ) : null}
      <FormField label="Email" error={form.formState.errors.email?.message}>
        {(field) => <Input {...field} type="email" autoComplete="email" autoFocus {...form.register("email")} />}
      </FormField>
      <Button type="submit" className="w-full" loading={forgot.isPending}>
        Send reset link
      </Button>
    </form>
  );
}
