import type { ClientDto } from "@shared/contracts/clients";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreClient } from "./use-client-cache";

/** PUT /api/clients/:id/assignees: replaces the assigned team. */
export async function setAssignees({ id, userIds }: { id: string; userIds: string[] }): Promise<ClientDto> {
  const res = await apiFetch<{ data: ClientDto }>(`/api/clients/${encodeURIComponent(id)}/assignees`, {
    method: "PUT",
    body: { userIds },
  });
  return res.data;
}

export function useSetAssignees() {
  const storeClient = useStoreClient();
  return useMutation({ mutationFn: setAssignees, onSuccess: storeClient });
}
