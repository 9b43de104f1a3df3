import type { ContactDto } from "@shared/contracts/contacts";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreContact } from "./use-contact-cache";

/** POST /api/contacts/:id/resend-portal-invite: a new invitation link (the old one stops working). */
export async function resendPortalInvite(id: string): Promise<ContactDto> {
  const res = await apiFetch<{ data: ContactDto }>(`/api/contacts/${encodeURIComponent(id)}/resend-portal-invite`, { method: "POST" });
  return res.data;
}

export function useResendPortalInvite() {
  const storeContact = useStoreContact();
  return useMutation({ mutationFn: resendPortalInvite, onSuccess: storeContact });
}
