import type { BulkResult } from "@shared/contracts/clients";
import type { BulkContactsBody } from "@shared/contracts/contacts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { clientsKeys } from "@/features/clients/api/clients-keys";
import { contactsKeys } from "./contacts-keys";

/** POST /api/contacts/bulk: deletes many contacts; rows the actor may not delete are skipped. */
export async function bulkContacts(body: BulkContactsBody): Promise<BulkResult> {
  return apiFetch<BulkResult>("/api/contacts/bulk", { method: "POST", body });
}

export function useBulkContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkContacts,
    onSuccess: async () => {
      // Clients show their contact count.
      await Promise.all([queryClient.invalidateQueries({ queryKey: contactsKeys.all }), queryClient.invalidateQueries({ queryKey: clientsKeys.all })]);
    },
  });
}
