import type { ContactDto } from "@shared/contracts/contacts";
import { useQueryClient } from "@tanstack/react-query";
import { contactsKeys } from "./contacts-keys";

/** After a contact changed: store the fresh DTO and refetch every list (a new primary unsets the old one). */
export function useStoreContact() {
  const queryClient = useQueryClient();
  return (contact: ContactDto) => {
    queryClient.setQueryData(contactsKeys.detail(contact.id), contact);
    return queryClient.invalidateQueries({ queryKey: contactsKeys.lists() });
  };
}
