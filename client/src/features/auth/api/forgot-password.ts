import type { ForgotPasswordBody } from "@shared/contracts/auth";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";

/** POST /api/auth/forgot-password (202 whether or not the email exists). */
export function forgotPassword(body: ForgotPasswordBody): Promise<{ ok: true }> {
  return apiFetch("/api/auth/forgot-password", { method: "POST", body });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
