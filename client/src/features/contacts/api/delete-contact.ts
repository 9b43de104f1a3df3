import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { contactsKeys } from "./contacts-keys";

/** DELETE /api/contacts/:id. */
export function deleteContact(id: string): Promise<void> {
  return apiFetch<void>(`/api/contacts/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteContact,
    onSuccess: (_res, id) => {
      queryClient.removeQueries({ queryKey: contactsKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: contactsKeys.lists() });
    },
  });
}
