import type { Permission } from "@shared/constants/roles";
import { LoaderCircle } from "lucide-react";
import type { ReactNode } from "react";
import { Redirect, useLocation, useSearch, useSearchParams } from "wouter";
import { ErrorPanel } from "@/components/errors/route-error-boundary";
import { Forbidden } from "@/components/errors/forbidden";
import { paths } from "@/config/paths";
import { hasPermission, homeFor, safeNext, useMe } from "@/lib/auth";

function FullScreenLoader() {
  return (
    <div className="flex min-h-dvh items-center justify-center" role="status" aria-label="Loading">
      <LoaderCircle className="size-6 animate-spin text-zinc-400" aria-hidden />
    </div>
  );
}

function MeError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="flex min-h-dvh items-center justify-center p-4">
      <ErrorPanel error={error} onRetry={retry} />
    </div>
  );
}

/** Pages for signed-out visitors (sign-in): a signed-in user goes on to ?next= or their home. */
export function PublicOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  const [params] = useSearchParams();
  if (me.isPending) return <FullScreenLoader />;
  if (me.data) return <Redirect to={safeNext(params.get("next")) ?? homeFor(me.data.user.role)} replace />;
  return children;
}

/**
 * Signed-in areas. Signed-out visitors go to /login?next=…; portal users are kept in /portal and
 * staff out of it.
 */
export function RequireAuth({ area, children }: { area: "staff" | "portal"; children: ReactNode }) {
  const me = useMe();
  const [location] = useLocation();
  const search = useSearch();
  if (me.isPending) return <FullScreenLoader />;
  if (me.isError) return <MeError error={me.error} retry={() => me.refetch()} />;
  if (!me.data) return <Redirect to={paths.login.href(search ? `${location}?${search}` : location)} replace />;
  const isClient = me.data.user.role === "client";
  if (area === "staff" && isClient) return <Redirect to={paths.portal.href()} replace />;
  if (area === "portal" && !isClient) return <Redirect to={paths.dashboard.href()} replace />;
  return children;
}

/** Renders the page only for users holding the permission; others see "no access". */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { data } = useMe();
  return hasPermission(data, permission) ? children : <Forbidden />;
}
