import type { LoginBody, MeResponse } from "@shared/contracts/auth";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStartSession } from "@/lib/auth";

/** POST /api/auth/login. */
export function login(body: LoginBody): Promise<MeResponse> {
  return apiFetch<MeResponse>("/api/auth/login", { method: "POST", body });
}

/** Signs in and stores the new session (fresh cache + CSRF token). */
export function useLogin() {
  const startSession = useStartSession();
  return useMutation({ mutationFn: login, onSuccess: startSession });
}
