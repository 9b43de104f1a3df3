import type { CustomFieldDefinitionDto, UpdateCustomFieldBody } from "@shared/contracts/custom-fields";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { customFieldsKeys } from "./custom-fields-keys";

/** PATCH /api/custom-fields/:id. */
export async function updateCustomField({ id, body }: { id: string; body: UpdateCustomFieldBody }): Promise<CustomFieldDefinitionDto> {
  const res = await apiFetch<{ data: CustomFieldDefinitionDto }>(`/api/custom-fields/${encodeURIComponent(id)}`, { method: "PATCH", body });
  return res.data;
}

export function useUpdateCustomField() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateCustomField, onSettled: () => queryClient.invalidateQueries({ queryKey: customFieldsKeys.all }) });
}
