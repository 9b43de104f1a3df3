import type { UserDto } from "@shared/contracts/users";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreUser } from "./use-user-cache";

/** POST /api/users/:id/resend-invite. */
export async function resendInvite(id: string): Promise<UserDto> {
  const res = await apiFetch<{ data: UserDto }>(`/api/users/${encodeURIComponent(id)}/resend-invite`, { method: "POST" });
  return res.data;
}

export function useResendInvite() {
  const storeUser = useStoreUser();
  return useMutation({ mutationFn: resendInvite, onSuccess: storeUser });
}
