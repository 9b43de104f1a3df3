import type { ClientDto, CreateClientBody } from "@shared/contracts/clients";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreClient } from "./use-client-cache";

/** POST /api/clients. */
export async function createClient(body: CreateClientBody): Promise<ClientDto> {
  const res = await apiFetch<{ data: ClientDto }>("/api/clients", { method: "POST", body });
  return res.data;
}

export function useCreateClient() {
  const storeClient = useStoreClient();
  return useMutation({ mutationFn: createClient, onSuccess: storeClient });
}
