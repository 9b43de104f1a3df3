import type { AssignmentRuleDto, CreateAssignmentRuleBody } from "@shared/contracts/assignment-rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { assignmentRulesKeys } from "./assignment-rules-keys";

/** POST /api/assignment-rules (added at the end of the order). */
export async function createAssignmentRule(body: CreateAssignmentRuleBody): Promise<AssignmentRuleDto> {
  const res = await apiFetch<{ data: AssignmentRuleDto }>("/api/assignment-rules", { method: "POST", body });
  return res.data;
}

export function useCreateAssignmentRule() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createAssignmentRule, onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentRulesKeys.all }) });
}
