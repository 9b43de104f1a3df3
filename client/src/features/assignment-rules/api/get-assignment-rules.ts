import type { AssignmentRuleDto } from "@shared/contracts/assignment-rules";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { assignmentRulesKeys } from "./assignment-rules-keys";

/** GET /api/assignment-rules (in evaluation order). */
export async function getAssignmentRules(signal?: AbortSignal): Promise<AssignmentRuleDto[]> {
  const res = await apiFetch<{ data: AssignmentRuleDto[] }>("/api/assignment-rules", { signal });
  return res.data;
}

export const assignmentRulesQueryOptions = () =>
  queryOptions({ queryKey: assignmentRulesKeys.list(), queryFn: ({ signal }) => getAssignmentRules(signal), throwOnError: false });

/** The workspace's lead assignment rules, first evaluated first. */
export function useAssignmentRules() {
  return useQuery(assignmentRulesQueryOptions());
}
