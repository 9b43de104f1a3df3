import type { CustomFieldEntity, CustomFieldListResponse } from "@shared/contracts/custom-fields";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { customFieldsKeys } from "./custom-fields-keys";

/** GET /api/custom-fields?entityType=… (in position order). */
export function getCustomFields(entityType: CustomFieldEntity, signal?: AbortSignal): Promise<CustomFieldListResponse> {
  return apiFetch<CustomFieldListResponse>("/api/custom-fields", { query: { entityType }, signal });
}

export const customFieldsQueryOptions = (entityType: CustomFieldEntity) =>
  queryOptions({
    queryKey: customFieldsKeys.list(entityType),
    queryFn: ({ signal }) => getCustomFields(entityType, signal),
    select: (res) => ({ ...res, data: [...res.data].sort((a, b) => a.position - b.position) }),
    staleTime: 60_000,
  });

/** A record type's field definitions and whether the user may manage them. */
export function useCustomFields(entityType: CustomFieldEntity) {
  return useQuery({ ...customFieldsQueryOptions(entityType), throwOnError: false });
}
