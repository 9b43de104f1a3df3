import type { ContactDto } from "@shared/contracts/contacts";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreContact } from "./use-contact-cache";

/** POST /api/contacts/:id/invite-to-portal: creates their portal login and emails the invitation. */
export async function inviteContact(id: string): Promise<ContactDto> {
  const res = await apiFetch<{ data: ContactDto }>(`/api/contacts/${encodeURIComponent(id)}/invite-to-portal`, { method: "POST" });
  return res.data;
}

export function useInviteContact() {
  const storeContact = useStoreContact();
  return useMutation({ mutationFn: inviteContact, onSuccess: storeContact });
}
