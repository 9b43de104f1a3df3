import type { MeResponse, UpdateProfileBody } from "@shared/contracts/auth";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, setCsrfToken } from "@/lib/api-client";
import { authKeys } from "@/lib/auth";

/** PATCH /api/profile. */
export function updateProfile(body: UpdateProfileBody): Promise<MeResponse> {
  return apiFetch<MeResponse>("/api/profile", { method: "PATCH", body });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
