import type { CreateLeadFormBody, LeadFormDto } from "@shared/contracts/forms";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api-client";
import { formsKeys } from "./forms-keys";

/** POST /api/forms. */
export async function createForm(body: z.input<typeof CreateLeadFormBody>): Promise<LeadFormDto> {
  const res = await apiFetch<{ data: LeadFormDto }>("/api/forms", { method: "POST", body });
  return res.data;
}

export function useCreateForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createForm,
    onSuccess: (form) => {
      queryClient.setQueryData(formsKeys.detail(form.id), form);
      return queryClient.invalidateQueries({ queryKey: formsKeys.lists() });
    },
  });
}
