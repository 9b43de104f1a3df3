import type { ClientDto } from "@shared/contracts/clients";
import { DeleteRecordButton } from "@/components/crm/delete-record-button";
import { errorMessage, isApiError } from "@/lib/api-client";
import { useDeleteClient } from "../api/delete-client";

const failure = (error: unknown) =>
  isApiError(error) && error.status === 409 ? "A portal user is still linked to this client. Deactivate them under Team first." : errorMessage(error);

/** The delete button of the client page (with confirmation); 409 explains the bound portal user. */
export function DeleteClientButton({ client, onDeleted }: { client: ClientDto; onDeleted: () => void }) {
  const remove = useDeleteClient();
  if (!client.abilities.delete) return null;
  return (
    <DeleteRecordButton
      id={client.id}
      name={client.name}
      description={
        <p>
          {client.name} and its {client.contactCount} contact{client.contactCount === 1 ? "" : "s"} will be removed. This can't be undone.
        </p>
      }
      confirmLabel="Delete client"
      mutation={remove}
      failure={failure}
      onDeleted={onDeleted}
    />
  );
}
