import { toast } from "sonner";
import { Link, useLocation, useSearchParams } from "wouter";
import { AuthLayout } from "@/components/layout/auth-layout";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { useInvitePreview } from "@/features/auth/api/get-invite-preview";
import { AcceptInviteForm } from "@/features/auth/components/accept-invite-form";
import { errorMessage, isApiError } from "@/lib/api-client";
import { homeFor, useMe } from "@/lib/auth";

/** /accept-invite?token= — shows who is invited where, then sets name + password and signs in. */
export function AcceptInvitePage() {
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const token = params.get("token") ?? "";
  const preview = useInvitePreview(token);
  const { data: me } = useMe();

  const invalid = token.length < 10 || isApiError(preview.error, "token_invalid", "validation_failed");
  const title = preview.data ? `Join ${preview.data.workspaceName}` : "Accept your invitation";

  return (
    <AuthLayout
      title={title}
      description={preview.data ? "Set your name and a password to finish creating your account." : undefined}
      footer={
        <Link href={paths.login.href()} className="font-medium text-brand hover:underline">
          Already have an account? Sign in
        </Link>
      }
    >
      {invalid ? (
        <Alert tone="error" title="This invitation link is invalid or has expired">
          Invitations can be used once. Ask whoever invited you to resend it.
        </Alert>
      ) : preview.isError ? (
        <Alert tone="error">{errorMessage(preview.error)}</Alert>
      ) : !preview.data ? (
        <div className="space-y-4" role="status" aria-label="Loading invitation">
          <Skeleton className="h-12 w-full" />
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
        </div>
      ) : (
        <div className="space-y-4">
          {me && me.user.email !== preview.data.email ? (
            <Alert tone="info">You're signed in as {me.user.email}. Continuing signs you in as the invited user instead.</Alert>
          ) : null}
          <AcceptInviteForm
            token={token}
            preview={preview.data}
            onSuccess={(session) => {
              toast.success(`Welcome to ${session.workspace.name}!`);
              navigate(homeFor(session.user.role), { replace: true });
            }}
          />
        </div>
      )}
    </AuthLayout>
  );
}
