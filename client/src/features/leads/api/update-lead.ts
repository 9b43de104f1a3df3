import type { LeadDto, UpdateLeadBody } from "@shared/contracts/leads";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreLead } from "./use-lead-cache";

/** PATCH /api/leads/:id. */
export async function updateLead({ id, body }: { id: string; body: UpdateLeadBody }): Promise<LeadDto> {
  const res = await apiFetch<{ data: LeadDto }>(`/api/leads/${encodeURIComponent(id)}`, { method: "PATCH", body });
  return res.data;
}

export function useUpdateLead() {
  const storeLead = useStoreLead();
  return useMutation({ mutationFn: updateLead, onSuccess: storeLead });
}
