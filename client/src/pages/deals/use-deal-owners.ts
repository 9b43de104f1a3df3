import { useOwnerCandidates } from "@/features/users/api/get-owner-candidates";

/** Who may own a deal (active members whose role holds deals.read, per `canOwn=deals`), for deal owner pickers and filters. */
export function useDealOwners() {
  return useOwnerCandidates("deals");
}
