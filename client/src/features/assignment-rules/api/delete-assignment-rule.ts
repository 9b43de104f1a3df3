import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { assignmentRulesKeys } from "./assignment-rules-keys";

/** DELETE /api/assignment-rules/:id. */
export function deleteAssignmentRule(id: string): Promise<void> {
  return apiFetch<void>(`/api/assignment-rules/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteAssignmentRule() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteAssignmentRule, onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentRulesKeys.all }) });
}
