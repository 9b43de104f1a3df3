import type { PublicFormDto } from "@shared/contracts/forms";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { formsKeys } from "./forms-keys";

/** GET /api/public/forms/:publicId (no sign-in). */
export async function getPublicForm(publicId: string, signal?: AbortSignal): Promise<PublicFormDto> {
  const res = await apiFetch<{ data: PublicFormDto }>(`/api/public/forms/${encodeURIComponent(publicId)}`, { signal });
  return res.data;
}

export function usePublicForm(publicId: string) {
  return useQuery({ queryKey: formsKeys.public(publicId), queryFn: ({ signal }) => getPublicForm(publicId, signal), throwOnError: false, retry: false });
}
