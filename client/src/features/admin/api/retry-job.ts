import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { adminKeys } from "./admin-keys";

/** POST /api/admin/jobs/:queue/:id/retry. */
export function retryJob({ queue, id }: { queue: string; id: string }): Promise<{ ok: true }> {
  return apiFetch(`/api/admin/jobs/${encodeURIComponent(queue)}/${encodeURIComponent(id)}/retry`, { method: "POST" });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: retryJob, onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.jobs() }) });
}
