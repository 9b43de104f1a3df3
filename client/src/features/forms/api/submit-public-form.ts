import type { FormSubmissionResponse } from "@shared/contracts/forms";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";

/** POST /api/public/forms/:publicId/submissions. */
export function submitPublicForm({ publicId, values }: { publicId: string; values: Record<string, string | boolean> }): Promise<FormSubmissionResponse> {
  return apiFetch<FormSubmissionResponse>(`/api/public/forms/${encodeURIComponent(publicId)}/submissions`, { method: "POST", body: values });
}

export function useSubmitPublicForm() {
  return useMutation({ mutationFn: submitPublicForm });
}
