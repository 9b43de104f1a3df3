import { Menu, X } from "lucide-react";
import { Dialog } from "radix-ui";
import { type ReactNode, useState } from "react";
import { paths } from "@/config/paths";
import { useCurrentUser } from "@/lib/auth";
import { useBrandColor } from "./brand-style";
import { STAFF_NAV, visibleNav } from "./nav-items";
import { SidebarNav, WorkspaceMark } from "./sidebar";
import { UserMenu } from "./user-menu";

/** The staff app frame: sidebar (slide-over below lg), top bar with search and user menu, content. */
export function AppShell({ children, search }: { children: ReactNode; /** The top bar's search (the app passes the global palette). */ search?: ReactNode }) {
  const me = useCurrentUser();
  const [navOpen, setNavOpen] = useState(false);
  useBrandColor(me.workspace.brandColor);
  const groups = visibleNav(STAFF_NAV, me.permissions);

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 flex-col border-r border-zinc-200 bg-white lg:flex">
        <div className="flex h-16 items-center border-b border-zinc-100 px-5">
          <WorkspaceMark name={me.workspace.name} />
        </div>
        <div className="flex-1 overflow-y-auto px-3 py-5">
          <SidebarNav groups={groups} />
        </div>
      </aside>

      <Dialog.Root open={navOpen} onOpenChange={setNavOpen}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 data-[state=open]:animate-fade-in lg:hidden" />
          <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-white shadow-xl data-[state=open]:animate-slide-in-left lg:hidden">
            <Dialog.Title className="sr-only">Navigation</Dialog.Title>
            <Dialog.Description className="sr-only">Pages you can open</Dialog.Description>
            <div className="flex h-16 items-center justify-between border-b border-zinc-100 px-4">
              <WorkspaceMark name={me.workspace.name} />
              <Dialog.Close className="rounded-md p-2 text-zinc-500 hover:bg-zinc-100" aria-label="Close navigation">
                <X className="size-5" aria-hidden />
              </Dialog.Close>
            </div>
            <div className="flex-1 overflow-y-auto px-3 py-5">
              <SidebarNav groups={groups} onNavigate={() => setNavOpen(false)} />
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>

      <div className="lg:pl-64">
        <header className="sticky top-0 z-20 flex h-16 items-center gap-3 border-b border-zinc-200 bg-white/90 px-4 backdrop-blur sm:px-6">
          <button
            type="button"
            className="-ml-1 rounded-md p-2 text-zinc-600 hover:bg-zinc-100 lg:hidden"
            onClick={() => setNavOpen(true)}
            aria-label="Open navigation"
          >
            <Menu className="size-5" aria-hidden />
          </button>
          <p className="truncate text-sm font-semibold text-zinc-900 lg:hidden">{me.workspace.name}</p>
          {search ? <div className="ml-auto flex min-w-0 flex-1 justify-end lg:ml-0 lg:justify-start">{search}</div> : null}
          <div className={search ? "shrink-0" : "ml-auto"}>
            <UserMenu profileHref={paths.profile.href()} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
