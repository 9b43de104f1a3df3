import type { ClientDto, UpdatePortalSettingsBody } from "@shared/contracts/clients";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreClient } from "./use-client-cache";

/** PATCH /api/clients/:id/portal-settings. */
export async function updatePortalSettings({ id, body }: { id: string; body: UpdatePortalSettingsBody }): Promise<ClientDto> {
  const res = await apiFetch<{ data: ClientDto }>(`/api/clients/${encodeURIComponent(id)}/portal-settings`, {
    method: "PATCH",
    body,
  });
  return res.data;
}

export function useUpdatePortalSettings() {
  const storeClient = useStoreClient();
  return useMutation({ mutationFn: updatePortalSettings, onSuccess: storeClient });
}
