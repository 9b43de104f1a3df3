import type { UserDto } from "@shared/contracts/users";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreUser } from "./use-user-cache";

/** POST /api/users/:id/deactivate. */
export async function deactivateUser(id: string): Promise<UserDto> {
  const res = await apiFetch<{ data: UserDto }>(`/api/users/${encodeURIComponent(id)}/deactivate`, { method: "POST" });
  return res.data;
}

export function useDeactivateUser() {
  const storeUser = useStoreUser();
  return useMutation({ mutationFn: deactivateUser, onSuccess: storeUser });
}
