import { pipelineScopeOf } from "@shared/constants/roles";
import { useUsersFirstPage } from "@/features/users/api/get-users";
import { useCurrentUser } from "@/lib/auth";

/**
 * Active team members who can hold leads (their role reaches leads: not creators or portal users),
 * for owner pickers and assignment rules.
 */
export function useLeadOwners() {
  const me = useCurrentUser();
  const users = useUsersFirstPage({ status: "active", limit: 200 });
  const members = (users.data?.data ?? [])
    .filter((u) => pipelineScopeOf(u.role, me.workspace.staffPipelineScope) !== "none")
    .map((u) => ({ id: u.id, name: u.name }));
  return { members, isPending: users.isPending };
}
