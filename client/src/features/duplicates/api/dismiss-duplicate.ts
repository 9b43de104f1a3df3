import type { DismissDuplicateBody } from "@shared/contracts/duplicates";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { duplicatesKeys } from "./duplicates-keys";

/** POST /api/duplicates/dismiss ("not duplicates"). */
export function dismissDuplicate(body: DismissDuplicateBody): Promise<void> {
  return apiFetch<void>("/api/duplicates/dismiss", { method: "POST", body });
}

export function useDismissDuplicate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: dismissDuplicate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: duplicatesKeys.lists() }),
  });
}
