import { Trash2 } from "lucide-react";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/api-client";

/**
 * "Delete" in a record page's header, after a confirmation naming the record: on success a toast and
 * `onDeleted` (the page leaves); on failure the dialog closes and the reason is toasted.
 */
export function DeleteRecordButton({
  id,
  name,
  description,
  confirmLabel,
  mutation,
  failure = errorMessage,
  onDeleted,
}: {
  id: string;
  /** The record's name, in the title ("Delete Acme?") and the toast. */
  name: string;
  /** What goes with the record, and that it can't be undone. */
  description: ReactNode;
  /** "Delete client". */
  confirmLabel: string;
  /** The record type's delete mutation. */
  mutation: { mutate: (id: string, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void; isPending: boolean };
  /** The failure in words (default: the API's message). */
  failure?: (error: unknown) => string;
  onDeleted: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" className="text-red-600 hover:bg-red-50" onClick={() => setOpen(true)}>
        <Trash2 aria-hidden />
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete ${name}?`}
        description={description}
        confirmLabel={confirmLabel}
        pending={mutation.isPending}
        onConfirm={() =>
          mutation.mutate(id, {
            onSuccess: () => {
              toast.success(`${name} was deleted.`);
              onDeleted();
            },
            onError: (error) => {
              setOpen(false);
              toast.error(failure(error));
            },
          })
        }
      />
    </>
  );
}
