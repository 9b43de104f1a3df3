import type { CreateLeadBody, LeadDto } from "@shared/contracts/leads";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreLead } from "./use-lead-cache";

/** POST /api/leads (without an owner the assignment rules choose one). */
export async function createLead(body: Partial<CreateLeadBody> & Pick<CreateLeadBody, "name">): Promise<LeadDto> {
  const res = await apiFetch<{ data: LeadDto }>("/api/leads", { method: "POST", body });
  return res.data;
}

export function useCreateLead() {
  const storeLead = useStoreLead();
  return useMutation({ mutationFn: createLead, onSuccess: storeLead });
}
