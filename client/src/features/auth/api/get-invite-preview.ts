import type { InvitePreview } from "@shared/contracts/auth";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { authFeatureKeys } from "./auth-keys";

/** GET /api/auth/invitations/preview?token= (410 token_invalid when used or expired). */
export function getInvitePreview(token: string, signal?: AbortSignal): Promise<InvitePreview> {
  return apiFetch<InvitePreview>("/api/auth/invitations/preview", { query: { token }, signal });
}

export const invitePreviewQueryOptions = (token: string) =>
  queryOptions({
    queryKey: authFeatureKeys.invitePreview(token),
    queryFn: ({ signal }) => getInvitePreview(token, signal),
    staleTime: Number.POSITIVE_INFINITY,
    throwOnError: false,
  });

export function useInvitePreview(token: string) {
  return useQuery({ ...invitePreviewQueryOptions(token), enabled: token.length >= 10 });
}
