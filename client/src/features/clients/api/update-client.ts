import type { ClientDto, UpdateClientBody } from "@shared/contracts/clients";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreClient } from "./use-client-cache";

/** PATCH /api/clients/:id. */
export async function updateClient({ id, body }: { id: string; body: UpdateClientBody }): Promise<ClientDto> {
  const res = await apiFetch<{ data: ClientDto }>(`/api/clients/${encodeURIComponent(id)}`, { method: "PATCH", body });
  return res.data;
}

export function useUpdateClient() {
  const storeClient = useStoreClient();
  return useMutation({ mutationFn: updateClient, onSuccess: storeClient });
}
