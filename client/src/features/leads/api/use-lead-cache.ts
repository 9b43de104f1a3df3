import type { LeadDto } from "@shared/contracts/leads";
import { useQueryClient } from "@tanstack/react-query";
import { leadsKeys } from "./leads-keys";

/** After a lead changed: store the fresh DTO and refetch every list and the workload. */
export function useStoreLead() {
  const queryClient = useQueryClient();
  return (lead: LeadDto) => {
    queryClient.setQueryData(leadsKeys.detail(lead.id), lead);
    void queryClient.invalidateQueries({ queryKey: leadsKeys.workload() });
    return queryClient.invalidateQueries({ queryKey: leadsKeys.lists() });
  };
}
