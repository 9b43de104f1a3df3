import type { ContactDto, CreateContactBody } from "@shared/contracts/contacts";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { useStoreContact } from "./use-contact-cache";

/** POST /api/contacts. */
export async function createContact(body: CreateContactBody): Promise<ContactDto> {
  const res = await apiFetch<{ data: ContactDto }>("/api/contacts", { method: "POST", body });
  return res.data;
}

export function useCreateContact() {
  const storeContact = useStoreContact();
  return useMutation({ mutationFn: createContact, onSuccess: storeContact });
}
