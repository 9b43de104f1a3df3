import type { UpdateUserBody, UserDto } from "@shared/contracts/users";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreUser } from "./use-user-cache";

/** PATCH /api/users/:id. */
export async function updateUser({ id, body }: { id: string; body: UpdateUserBody }): Promise<UserDto> {
  const res = await apiFetch<{ data: UserDto }>(`/api/users/${encodeURIComponent(id)}`, { method: "PATCH", body });
  return res.data;
}

export function useUpdateUser() {
  const storeUser = useStoreUser();
  return useMutation({ mutationFn: updateUser, onSuccess: storeUser });
}
