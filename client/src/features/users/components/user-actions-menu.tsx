import type { UserDto } from "@shared/contracts/users";
import { Ellipsis } from "lucide-react";
import { Link } from "wouter";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useUserActions } from "./use-user-actions";

/** The "…" menu of a team table row; hidden when the user can do nothing to this row. */
export function UserActionsMenu({ user }: { user: UserDto }) {
  const { actions, dialogs } = useUserActions(user, { includeEdit: true });
  if (actions.length === 0) return null;
  const regular = actions.filter((a) => !a.destructive);
  const destructive = actions.filter((a) => a.destructive);
  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${user.name}`}>
            <Ellipsis aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          {regular.map((a) =>
            a.href ? (
              <DropdownMenuItem key={a.key} asChild>
                <Link href={a.href}>
                  <a.icon aria-hidden />
                  {a.label}
                </Link>
              </DropdownMenuItem>
            ) : (
              <DropdownMenuItem key={a.key} onSelect={a.run} disabled={a.pending}>
                <a.icon aria-hidden />
                {a.label}
              </DropdownMenuItem>
            ),
          )}
          {regular.length > 0 && destructive.length > 0 ? <DropdownMenuSeparator /> : null}
          {destructive.map((a) => (
            <DropdownMenuItem key={a.key} onSelect={a.run} destructive>
              <a.icon aria-hidden />
              {a.label}…
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      {dialogs}
    </>
  );
}

/** The same actions as buttons, for the user detail page. */
export function UserActionButtons({ user, onChanged }: { user: UserDto; onChanged?: () => void }) {
  const { actions, dialogs } = useUserActions(user, { onChanged });
  return (
    <>
      {actions.map((a) => (
        <Button key={a.key} variant={a.destructive ? "destructive" : "secondary"} onClick={a.run} loading={a.pending}>
          {a.pending ? null : <a.icon aria-hidden />}
          {a.label}
        </Button>
      ))}
      {dialogs}
    </>
  );
}
