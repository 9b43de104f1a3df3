import { ChevronDown, LogOut, UserRound } from "lucide-react";
import { toast } from "sonner";
import { Link, useLocation } from "wouter";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { paths } from "@/config/paths";
import { useCurrentUser, useLogout } from "@/lib/auth";
import { initials } from "@/lib/format";

/** Avatar button with the profile link and sign-out. */
export function UserMenu({ profileHref }: { profileHref: string }) {
  const me = useCurrentUser();
  const logout = useLogout();
  const [, navigate] = useLocation();

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        navigate(paths.login.href(), { replace: true });
        toast.success("You have been signed out.");
      },
    });

  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger
        className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm hover:bg-zinc-100 data-[state=open]:bg-zinc-100"
        aria-label="User menu"
        data-testid="user-menu"
      >
        <span className="flex size-8 items-center justify-center rounded-full bg-zinc-900 text-xs font-semibold text-white">
          {initials(me.user.name)}
        </span>
        <span className="hidden max-w-40 truncate font-medium text-zinc-800 sm:inline">{me.user.name}</span>
        <ChevronDown className="size-4 text-zinc-400" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-60">
        <DropdownMenuLabel>
          <span className="block truncate text-sm font-medium text-zinc-900">{me.user.name}</span>
          <span className="block truncate">{me.user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={profileHref}>
            <UserRound aria-hidden />
            Profile
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={signOut} disabled={logout.isPending}>
          <LogOut aria-hidden />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
