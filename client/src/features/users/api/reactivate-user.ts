import type { UserDto } from "@shared/contracts/users";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreUser } from "./use-user-cache";

/** POST /api/users/:id/reactivate. */
export async function reactivateUser(id: string): Promise<UserDto> {
  const res = await apiFetch<{ data: UserDto }>(`/api/users/${encodeURIComponent(id)}/reactivate`, { method: "POST" });
  return res.data;
}

export function useReactivateUser() {
  const storeUser = useStoreUser();
  return useMutation({ mutationFn: reactivateUser, onSuccess: storeUser });
}
