import type { AssignmentRuleDto, UpdateAssignmentRuleBody } from "@shared/contracts/assignment-rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { assignmentRulesKeys } from "./assignment-rules-keys";

/** PATCH /api/assignment-rules/:id. */
export async function updateAssignmentRule({ id, body }: { id: string; body: UpdateAssignmentRuleBody }): Promise<AssignmentRuleDto> {
  const res = await apiFetch<{ data: AssignmentRuleDto }>(`/api/assignment-rules/${encodeURIComponent(id)}`, { method: "PATCH", body });
  return res.data;
}

export function useUpdateAssignmentRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAssignmentRule,
    onSuccess: (saved) => {
      queryClient.setQueryData<AssignmentRuleDto[]>(assignmentRulesKeys.list(), (rules) => rules?.map((r) => (r.id === saved.id ? saved : r)));
      return queryClient.invalidateQueries({ queryKey: assignmentRulesKeys.all });
    },
  });
}
