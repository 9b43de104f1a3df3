import type { UserDto } from "@shared/contracts/users";
import { Link } from "wouter";
import { SortableTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { paths } from "@/config/paths";
import { formatDate, formatRelative, initials } from "@/lib/format";
import { RoleBadge, StatusBadge } from "./user-badges";
import { UserActionsMenu } from "./user-actions-menu";

export type UserSort = "name" | "email" | "createdAt" | "lastLoginAt";

/** The team table; column headers sort, each row links to the member and has an actions menu. */
export function UsersTable({
  users,
  sort,
  order,
  onSort,
}: {
  users: UserDto[];
  sort: UserSort;
  order: "asc" | "desc";
  onSort: (sort: UserSort) => void;
}) {
  const th = (key: UserSort, label: string, className?: string) => (
    <SortableTH label={label} active={sort === key} order={order} onSort={() => onSort(key)} className={className} />
  );
  return (
    <Table data-testid="users-table">
      <THead>
        <tr>
          {th("name", "Name")}
          <TH className="hidden sm:table-cell">Role</TH>
          <TH className="hidden sm:table-cell">Status</TH>
          <TH className="hidden lg:table-cell">Client</TH>
          {th("lastLoginAt", "Last sign-in", "hidden md:table-cell")}
          {th("createdAt", "Added", "hidden md:table-cell")}
          <TH>
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {users.map((u) => (
          <TR key={u.id} data-testid="user-row">
            <TD className="max-w-56 sm:max-w-64">
              <div className="flex items-center gap-3">
                <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-600">
                  {initials(u.name)}
                </span>
                <div className="min-w-0">
                  <Link href={paths.user.href(u.id)} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
                    {u.name}
                  </Link>
                  <p className="truncate text-xs text-zinc-500">{u.email}</p>
                  <div className="mt-1.5 flex flex-wrap gap-1 sm:hidden">
                    <RoleBadge role={u.role} />
                    <StatusBadge status={u.status} />
                  </div>
                </div>
              </div>
            </TD>
            <TD className="hidden sm:table-cell">
              <RoleBadge role={u.role} />
            </TD>
            <TD className="hidden sm:table-cell">
              <StatusBadge status={u.status} />
            </TD>
            <TD className="hidden lg:table-cell">{u.clientName ?? <span className="text-zinc-400">—</span>}</TD>
            <TD className="hidden whitespace-nowrap md:table-cell" title={u.lastLoginAt ?? undefined}>
              {u.status === "invited" ? <span className="text-zinc-400">Invite pending</span> : formatRelative(u.lastLoginAt)}
            </TD>
            <TD className="hidden whitespace-nowrap md:table-cell">{formatDate(u.createdAt)}</TD>
            <TD className="w-12 text-right">
              <UserActionsMenu user={u} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
