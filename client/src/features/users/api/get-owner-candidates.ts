import type { OwnedRecord } from "@shared/constants/roles";
import { usePermission } from "@/lib/auth";
import { useUsersFirstPage } from "./get-users";

/**
 * The users the API accepts as owners of a record type (GET /api/users?canOwn=…). Empty for actors
 * without users.read: asking would 403 (they never get an owner picker anyway).
 */
export function useOwnerCandidates(record: OwnedRecord) {
  const canReadUsers = usePermission("users.read");
  const users = useUsersFirstPage({ canOwn: record, limit: 200 }, { enabled: canReadUsers });
  const members = (users.data?.data ?? []).map((u) => ({ id: u.id, name: u.name }));
  return { members, isPending: canReadUsers && users.isPending };
}
