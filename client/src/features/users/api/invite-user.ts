import type { InviteUserBody, UserDto } from "@shared/contracts/users";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreUser } from "./use-user-cache";

/** POST /api/users/invitations: creates the user and emails the invitation. */
export async function inviteUser(body: InviteUserBody): Promise<UserDto> {
  const res = await apiFetch<{ data: UserDto }>("/api/users/invitations", { method: "POST", body });
  return res.data;
}

export function useInviteUser() {
  const storeUser = useStoreUser();
  return useMutation({ mutationFn: inviteUser, onSuccess: storeUser });
}
