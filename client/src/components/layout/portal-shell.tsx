import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { paths } from "@/config/paths";
import { useCurrentUser } from "@/lib/auth";
import { cn } from "@/lib/cn";
import { useBrandColor } from "./brand-style";
import { WorkspaceMark } from "./sidebar";
import { UserMenu } from "./user-menu";

const PORTAL_NAV = [
  { label: "Overview", href: paths.portal.href() },
  { label: "Profile", href: paths.portalProfile.href() },
];

/** The client portal frame: branded top bar with tabs, centred content. */
export function PortalShell({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  const [location] = useLocation();
  useBrandColor(me.workspace.brandColor);
  return (
    <div className="min-h-dvh">
      <div className="h-1 bg-brand" aria-hidden />
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-16 max-w-5xl items-center gap-4 px-4 sm:px-6">
          <WorkspaceMark name={me.workspace.name} subtitle="Client portal" />
          <div className="ml-auto">
            <UserMenu profileHref={paths.portalProfile.href()} />
          </div>
        </div>
        <nav aria-label="Portal" className="mx-auto flex max-w-5xl gap-1 px-4 sm:px-6">
          {PORTAL_NAV.map((item) => {
            const active = location === item.href;
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px border-b-2 px-3 py-2.5 text-sm font-medium",
                  active ? "border-brand text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800",
                )}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
