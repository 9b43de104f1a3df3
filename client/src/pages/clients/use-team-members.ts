import { useUsersFirstPage } from "@/features/users/api/get-users";

/** Active staff (not portal users) for owner, assignee and @mention pickers. */
export function useTeamMembers(options: { enabled?: boolean } = {}) {
  const users = useUsersFirstPage({ status: "active", limit: 200 }, options);
  const members = (users.data?.data ?? []).filter((u) => u.role !== "client").map((u) => ({ id: u.id, name: u.name }));
  return { members, isPending: users.isPending };
}
