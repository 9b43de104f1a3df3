import type { CreateCustomFieldBody, CustomFieldDefinitionDto } from "@shared/contracts/custom-fields";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { customFieldsKeys } from "./custom-fields-keys";

/** POST /api/custom-fields. */
export async function createCustomField(body: CreateCustomFieldBody): Promise<CustomFieldDefinitionDto> {
  const res = await apiFetch<{ data: CustomFieldDefinitionDto }>("/api/custom-fields", { method: "POST", body });
  return res.data;
}

export function useCreateCustomField() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCustomField, onSuccess: () => queryClient.invalidateQueries({ queryKey: customFieldsKeys.all }) });
}
