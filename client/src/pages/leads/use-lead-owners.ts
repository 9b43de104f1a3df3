import { useOwnerCandidates } from "@/features/users/api/get-owner-candidates";

/**
 * Who may own a lead (active members whose role holds leads.read, as the API decides with
 * `canOwn=leads`), for lead owner pickers, assignment rules and the automations' "assign" action.
 */
export function useLeadOwners() {
  return useOwnerCandidates("leads");
}
