import type { AcceptInviteBody, MeResponse } from "@shared/contracts/auth";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStartSession } from "@/lib/auth";

/** POST /api/auth/invitations/accept: sets name + password and signs in. */
export function acceptInvite(body: AcceptInviteBody): Promise<MeResponse> {
  return apiFetch<MeResponse>("/api/auth/invitations/accept", { method: "POST", body });
}

export function useAcceptInvite() {
  const startSession = useStartSession();
  return useMutation({ mutationFn: acceptInvite, onSuccess: startSession });
}
