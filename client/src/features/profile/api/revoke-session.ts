import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { profileKeys } from "./profile-keys";

/** DELETE /api/profile/sessions/:id (signs that device out). */
export function revokeSession(id: string): Promise<void> {
  return apiFetch<void>(`/api/profile/sessions/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.sessions() }),
  });
}
