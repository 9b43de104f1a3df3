import { zodResolver } from "@hookform/resolvers/zod";
import { LoginBody, type MeResponse } from "@shared/contracts/auth";
import { useForm } from "react-hook-form";
import { Link } from "wouter";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { paths } from "@/config/paths";
import { errorMessage, isApiError } from "@/lib/api-client";
import { applyFieldErrors } from "@/lib/form-errors";
import { useLogin } from "../api/login";
import { retryAfterText } from "./retry-after";

function loginErrorText(error: unknown): string {
  if (isApiError(error, "invalid_credentials")) return "That email and password don't match an active account. Check them and try again.";
  if (isApiError(error) && error.status === 429) return `Too many sign-in attempts.${retryAfterText(error) || " Please wait a moment and try again."}`;
  return errorMessage(error);
}

/** Email + password sign-in. */
export function LoginForm({ onSuccess }: { onSuccess: (me: MeResponse) => void }) {
  const login = useLogin();
  const form = useForm({ resolver: zodResolver(LoginBody), defaultValues: { email: "", password: "" } });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) =>
    login.mutate(values, {
      onSuccess,
      onError: (error) => {
        applyFieldErrors(error, form.setError, ["email", "password"]);
        form.resetField("password", { keepError: true });
      },
    }),
  );

  const showAlert = login.isError && !isApiError(login.error, "validation_failed");

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="login-form">
      {showAlert ? (
        <Alert tone="error" title="Couldn't sign you in">
          {loginErrorText(login.error)}
        </Alert>
      ) : null}
      <FormField label="Email" error={errors.email?.message}>
        {(field) => <Input {...field} type="email" autoComplete="username" autoFocus {...form.register("email")} />}
      </FormField>
      <FormField label="Password" error={errors.password?.message}>
        {(field) => <Input {...field} type="password" autoComplete="current-password" {...form.register("password")} />}
      </FormField>
      <div className="flex justify-end">
        <Link href={paths.forgotPassword.href()} className="text-sm font-medium text-brand hover:underline">
          Forgot password?
        </Link>
      </div>
      <Button type="submit" className="w-full" loading={login.isPending}>
        Sign in
      </Button>
    </form>
  );
}
