import type { ChangePasswordBody } from "@shared/contracts/auth";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { profileKeys } from "./profile-keys";

/** POST /api/profile/password. */
export function changePassword(body: ChangePasswordBody): Promise<{ ok: true }> {
  return apiFetch("/api/profile/password", { method: "POST", body });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // Other sessions may have been signed out.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.sessions() }),
  });
}
