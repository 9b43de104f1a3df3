import { toast } from "sonner";
import { Link, useLocation, useSearchParams } from "wouter";
import { AuthLayout } from "@/components/layout/auth-layout";
import { Alert } from "@/components/ui/alert";
import { paths } from "@/config/paths";
import { ResetPasswordForm } from "@/features/auth/components/reset-password-form";

/** /reset-password?token= */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const token = params.get("token") ?? "";
  return (
    <AuthLayout
      title="Choose a new password"
      footer={
        <Link href={paths.forgotPassword.href()} className="font-medium text-brand hover:underline">
          Need a new link?
        </Link>
      }
    >
      {token.length < 10 ? (
        <Alert tone="error" title="This link is incomplete">
          Open the link from the email again, or ask for a new one.
        </Alert>
      ) : (
        <ResetPasswordForm
          token={token}
          onSuccess={() => {
            toast.success("Password changed. Sign in with your new password.");
            navigate(paths.login.href(), { replace: true });
          }}
        />
      )}
    </AuthLayout>
  );
}
