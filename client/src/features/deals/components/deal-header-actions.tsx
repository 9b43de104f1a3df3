import type { DealDto } from "@shared/contracts/deals";
import { RotateCcw, ThumbsDown, ThumbsUp, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/api-client";
import { useDeleteDeal } from "../api/delete-deal";
import { useReopenDeal } from "../api/reopen-deal";
import { CloseDealDialog } from "./close-deal-dialog";

/** Won / Lost (or Reopen) and Delete for the deal page header. */
export function DealHeaderActions({ deal, onDeleted }: { deal: DealDto; onDeleted: () => void }) {
  const [closing, setClosing] = useState<"won" | "lost" | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const reopen = useReopenDeal();
  const remove = useDeleteDeal();
  return (
    <>
      {deal.abilities.update && deal.status === "open" ? (
        <>
          <Button variant="secondary" onClick={() => setClosing("won")}>
            <ThumbsUp aria-hidden />
            Won
          </Button>
          <Button variant="secondary" onClick={() => setClosing("lost")}>
            <ThumbsDown aria-hidden />
            Lost
          </Button>
        </>
      ) : null}
      {deal.abilities.update && deal.status !== "open" ? (
        <Button
          variant="secondary"
          loading={reopen.isPending}
          onClick={() => reopen.mutate(deal.id, { onSuccess: () => toast.success("Deal reopened."), onError: (err) => toast.error(errorMessage(err)) })}
        >
          <RotateCcw aria-hidden />
          Reopen
        </Button>
      ) : null}
      {deal.abilities.delete ? (
        <Button variant="ghost" onClick={() => setConfirmDelete(true)}>
          <Trash2 aria-hidden />
          Delete
        </Button>
      ) : null}
      {closing ? <CloseDealDialog deal={deal} status={closing} open={!!closing} onOpenChange={(open) => !open && setClosing(null)} /> : null}
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete “${deal.title}”?`}
        description="Its timeline and stage history go with it. This can't be undone."
        confirmLabel="Delete deal"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(deal.id, {
            onSuccess: () => {
              toast.success(`${deal.title} deleted.`);
              onDeleted();
            },
            onError: (err) => toast.error(errorMessage(err)),
          })
        }
      />
    </>
  );
}
