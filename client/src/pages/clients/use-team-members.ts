import { useUsersFirstPage } from "@/features/users/api/get-users";
import { usePermission } from "@/lib/auth";

/**
 * Active staff (not portal users) for owner, assignee and @mention pickers. Empty for roles without
 * users.read (creators): asking would 403 and take the whole page down through the error boundary.
 */
export function useTeamMembers(options: { enabled?: boolean } = {}) {
  const canReadUsers = usePermission("users.read");
  const users = useUsersFirstPage({ status: "active", limit: 200 }, { enabled: (options.enabled ?? true) && canReadUsers });
  const members = (users.data?.data ?? []).filter((u) => u.role !== "client").map((u) => ({ id: u.id, name: u.name }));
  return { members, isPending: canReadUsers && users.isPending };
}
