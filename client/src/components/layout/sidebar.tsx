import { Link, useLocation } from "wouter";
import { cn } from "@/lib/cn";
import { initials } from "@/lib/format";
import { isActive, type NavGroup } from "./nav-items";

/** Workspace name with a brand-coloured mark. */
export function WorkspaceMark({ name, subtitle }: { name: string; subtitle?: string }) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      <div className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand text-sm font-semibold text-brand-foreground shadow-sm">
        {initials(name)}
      </div>
      <div className="min-w-0">
        <p className="truncate text-sm font-semibold text-zinc-900">{name}</p>
        <p className="truncate text-xs text-zinc-500">{subtitle ?? "Agency OS"}</p>
      </div>
    </div>
  );
}

/** The navigation list; `onNavigate` lets the mobile slide-over close itself. */
export function SidebarNav({ groups, onNavigate }: { groups: NavGroup[]; onNavigate?: () => void }) {
  const [location] = useLocation();
  return (
    <nav aria-label="Main" className="space-y-6">
      {groups.map((group) => (
        <div key={group.label ?? "main"}>
          {group.label ? (
            <p className="mb-1.5 px-3 text-[11px] font-semibold tracking-wider text-zinc-400 uppercase">{group.label}</p>
          ) : null}
          <ul className="space-y-0.5">
            {group.items.map((item) => {
              const active = isActive(item, location);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                      active ? "bg-brand-soft text-brand-strong" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
                    )}
                  >
                    <item.icon className={cn("size-4", active ? "text-brand" : "text-zinc-400")} aria-hidden />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
