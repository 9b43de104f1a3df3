import type { LeadFormDto, UpdateLeadFormBody } from "@shared/contracts/forms";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { formsKeys } from "./forms-keys";

/** PATCH /api/forms/:id. */
export async function updateForm({ id, body }: { id: string; body: UpdateLeadFormBody }): Promise<LeadFormDto> {
  const res = await apiFetch<{ data: LeadFormDto }>(`/api/forms/${encodeURIComponent(id)}`, { method: "PATCH", body });
  return res.data;
}

export function useUpdateForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateForm,
    onSuccess: (form) => {
      queryClient.setQueryData(formsKeys.detail(form.id), form);
      return queryClient.invalidateQueries({ queryKey: formsKeys.lists() });
    },
  });
}
