import type { ContactDto, UpdateContactBody } from "@shared/contracts/contacts";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreContact } from "./use-contact-cache";

/** PATCH /api/contacts/:id. */
export async function updateContact({ id, body }: { id: string; body: UpdateContactBody }): Promise<ContactDto> {
  const res = await apiFetch<{ data: ContactDto }>(`/api/contacts/${encodeURIComponent(id)}`, { method: "PATCH", body });
  return res.data;
}

export function useUpdateContact() {
  const storeContact = useStoreContact();
  return useMutation({ mutationFn: updateContact, onSuccess: storeContact });
}
