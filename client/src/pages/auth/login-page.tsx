import { useLocation, useSearchParams } from "wouter";
import { AuthLayout } from "@/components/layout/auth-layout";
import { LoginForm } from "@/features/auth/components/login-form";
import { homeFor, safeNext } from "@/lib/auth";

/** /login — after signing in, goes to ?next= (same-site only) or the role's home. */
export function LoginPage() {
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const next = safeNext(params.get("next"));
  return (
    <AuthLayout title="Sign in" description="Welcome back. Sign in to your agency workspace.">
      <LoginForm onSuccess={(me) => navigate(next ?? homeFor(me.user.role), { replace: true })} />
    </AuthLayout>
  );
}
