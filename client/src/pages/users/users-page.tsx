import type { Role, UserStatus } from "@shared/constants/roles";
import { USER_SORTS } from "@shared/contracts/users";
import { Users } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { ClientSelect } from "@/features/clients/components/client-select";
import { useInfiniteUsers } from "@/features/users/api/get-users";
import { InviteUserDialog } from "@/features/users/components/invite-user-dialog";
import { UsersFilters } from "@/features/users/components/users-filters";
import { type UserSort, UsersTable } from "@/features/users/components/users-table";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { useUrlFilters } from "@/lib/url-filters";

const FILTER_KEYS = ["q", "role", "status", "sort", "order"] as const;
const DATE_SORTS: UserSort[] = ["createdAt", "lastLoginAt"];

/** /users — the team list. */
export function UsersPage() {
  const me = useCurrentUser();
  const { values, setFilters, clear } = useUrlFilters(FILTER_KEYS);
  const sort: UserSort = (USER_SORTS as readonly string[]).includes(values.sort) ? (values.sort as UserSort) : "name";
  const order = values.order === "desc" ? "desc" : "asc";
  const params = {
    q: values.q || undefined,
    role: (values.role || undefined) as Role | undefined,
    status: (values.status || undefined) as UserStatus | undefined,
    sort,
    order,
  } as const;
  const users = useInfiniteUsers(params);
  const rows = users.data?.pages.flatMap((p) => p.data) ?? [];
  const filtering = !!(values.q || values.role || values.status);

  const onSort = (key: UserSort) =>
    setFilters({
      sort: key,
      order: key === sort ? (order === "asc" ? "desc" : "asc") : DATE_SORTS.includes(key) ? "desc" : "asc",
    });

  return (
    <>
      <PageHeader
        title="Team"
        description="Everyone with access to this workspace, including client portal users."
        actions={
          hasPermission(me, "users.invite") ? (
            <InviteUserDialog actorRole={me.user.role} renderClientPicker={(props) => <ClientSelect {...props} />} />
          ) : null
        }
      />
      <Card>
        <UsersFilters
          values={{ q: values.q, role: values.role, status: values.status }}
          onChange={setFilters}
          onClear={clear}
          active={filtering}
        />
        {users.isPending ? (
          <SkeletonRows rows={6} />
        ) : rows.length === 0 ? (
          filtering ? (
            <EmptyState
              icon={Users}
              title="No users match these filters"
              description="Try a different search, or clear the filters to see everyone."
              action={
                <Button variant="secondary" onClick={clear}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState icon={Users} title="No team members yet" description="Invite your colleagues with the “Invite user” button." />
          )
        ) : (
          <>
            <UsersTable users={rows} sort={sort} order={order} onSort={onSort} />
            <LoadMore
              hasNextPage={users.hasNextPage}
              isFetchingNextPage={users.isFetchingNextPage}
              fetchNextPage={() => users.fetchNextPage()}
              shown={rows.length}
              noun={rows.length === 1 ? "member" : "members"}
            />
          </>
        )}
      </Card>
    </>
  );
}
