import type { ClientDto } from "@shared/contracts/clients";
import { useQueryClient } from "@tanstack/react-query";
import { clientsKeys } from "./clients-keys";

/** After a client changed: store the fresh DTO and refetch every list. */
export function useStoreClient() {
  const queryClient = useQueryClient();
  return (client: ClientDto) => {
    queryClient.setQueryData(clientsKeys.detail(client.id), client);
    return queryClient.invalidateQueries({ queryKey: clientsKeys.lists() });
  };
}
