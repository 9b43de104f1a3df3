import type { ClientDto } from "@shared/contracts/clients";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage, isApiError } from "@/lib/api-client";
import { useDeleteClient } from "../api/delete-client";

/** The delete button of the client page (with confirmation); 409 explains the bound portal user. */
export function DeleteClientButton({ client, onDeleted }: { client: ClientDto; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteClient();
  if (!client.abilities.delete) return null;
  return (
    <>
      <Button variant="secondary" className="text-red-600 hover:bg-red-50" onClick={() => setOpen(true)}>
        <Trash2 aria-hidden />
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete ${client.name}?`}
        description={
          <p>
            {client.name} and its {client.contactCount} contact{client.contactCount === 1 ? "" : "s"} will be removed. This can't be
            undone.
          </p>
        }
        confirmLabel="Delete client"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(client.id, {
            onSuccess: () => {
              toast.success(`${client.name} was deleted.`);
              onDeleted();
            },
            onError: (error) => {
              setOpen(false);
              toast.error(
                isApiError(error) && error.status === 409
                  ? "A portal user is still linked to this client. Deactivate them under Team first."
                  : errorMessage(error),
              );
            },
          })
        }
      />
    </>
  );
}
