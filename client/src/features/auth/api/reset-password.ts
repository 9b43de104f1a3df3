import type { ResetPasswordBody } from "@shared/contracts/auth";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";

/** POST /api/auth/reset-password. */
export function resetPassword(body: ResetPasswordBody): Promise<{ ok: true }> {
  return apiFetch("/api/auth/reset-password", { method: "POST", body });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
