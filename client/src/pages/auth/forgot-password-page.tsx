import { Link } from "wouter";
import { AuthLayout } from "@/components/layout/auth-layout";
import { paths } from "@/config/paths";
import { ForgotPasswordForm } from "@/features/auth/components/forgot-password-form";

/** /forgot-password */
export function ForgotPasswordPage() {
  return (
    <AuthLayout
      title="Reset your password"
      description="Enter the email you sign in with and we'll send you a link to choose a new password."
      footer={
        <Link href={paths.login.href()} className="font-medium text-brand hover:underline">
          Back to sign in
        </Link>
      }
    >
      <ForgotPasswordForm />
    </AuthLayout>
  );
}
