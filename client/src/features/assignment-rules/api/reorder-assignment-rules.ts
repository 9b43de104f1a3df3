import type { AssignmentRuleDto } from "@shared/contracts/assignment-rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { assignmentRulesKeys } from "./assignment-rules-keys";

/** PUT /api/assignment-rules/order: every rule id in the new order. */
export async function reorderAssignmentRules(ids: string[]): Promise<AssignmentRuleDto[]> {
  const res = await apiFetch<{ data: AssignmentRuleDto[] }>("/api/assignment-rules/order", { method: "PUT", body: { ids } });
  return res.data;
}

/** Reorders optimistically; the server's answer (or a refetch after an error) settles it. */
export function useReorderAssignmentRules() {
  const queryClient = useQueryClient();
  const key = assignmentRulesKeys.list();
  return useMutation({
    mutationFn: reorderAssignmentRules,
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<AssignmentRuleDto[]>(key);
      if (before) {
        const byId = new Map(before.map((r) => [r.id, r]));
        queryClient.setQueryData(key, ids.map((id) => byId.get(id)).filter((r): r is AssignmentRuleDto => !!r));
      }
      return { before };
    },
    onSuccess: (rules) => queryClient.setQueryData(key, rules),
    onError: (_error, _ids, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      return queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
