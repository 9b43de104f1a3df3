import type { ConvertLeadBody, ConvertLeadResponse } from "@shared/contracts/leads";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { leadsKeys } from "./leads-keys";

type ConvertInput = { id: string; body: Partial<ConvertLeadBody> & Pick<ConvertLeadBody, "client"> };

/** POST /api/leads/:id/convert: client (new or existing), contact and optional deal in one transaction. */
export async function convertLead({ id, body }: ConvertInput): Promise<ConvertLeadResponse["data"]> {
  const res = await apiFetch<ConvertLeadResponse>(`/api/leads/${encodeURIComponent(id)}/convert`, { method: "POST", body });
  return res.data;
}

export function useConvertLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: convertLead,
    onSuccess: (result) => {
      queryClient.setQueryData(leadsKeys.detail(result.lead.id), result.lead);
      // The conversion created or changed clients, contacts and maybe a deal: refetch them when next shown.
      for (const key of [["clients"], ["contacts"], ["deals"], ["activities"]]) void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: leadsKeys.workload() });
      return queryClient.invalidateQueries({ queryKey: leadsKeys.lists() });
    },
  });
}
