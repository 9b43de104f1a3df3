import type { CustomFieldListResponse } from "@shared/contracts/custom-fields";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { formsKeys } from "./forms-keys";

/** GET /api/custom-fields?entityType=lead — the custom fields a form can ask for. */
export async function getLeadCustomFields(signal?: AbortSignal): Promise<CustomFieldListResponse["data"]> {
  const res = await apiFetch<CustomFieldListResponse>("/api/custom-fields", { query: { entityType: "lead" }, signal });
  return res.data;
}

export function useLeadCustomFields() {
  return useQuery({ queryKey: formsKeys.leadFields(), queryFn: ({ signal }) => getLeadCustomFields(signal), throwOnError: false });
}
