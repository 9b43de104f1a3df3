import { CloseDealBody, type DealDto } from "@shared/contracts/deals";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { useCloseDeal } from "../api/close-deal";

/** Marks a deal won or lost; lost asks for the reason. */
export function CloseDealDialog({ deal, status, open, onOpenChange }: { deal: DealDto; status: "won" | "lost"; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const close = useCloseDeal();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = CloseDealBody.safeParse({ status, ...(status === "lost" ? { reason } : {}) });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    close.mutate(
      { id: deal.id, body: parsed.data },
      {
        onSuccess: () => {
          toast.success(status === "won" ? `${deal.title} won. Congratulations!` : `${deal.title} marked lost.`);
          setReason("");
          setError(undefined);
          onOpenChange(false);
        },
        onError: (err) => setError(errorMessage(err)),
      },
    );
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={status === "won" ? `Mark “${deal.title}” won?` : `Mark “${deal.title}” lost`}
        description={status === "won" ? "It leaves the board and counts as won. You can reopen it later." : "Say why, so the team can learn from it. You can reopen it later."}
      >
        <form onSubmit={submit} noValidate className="space-y-4">
          {status === "lost" ? (
            <FormField label="Reason lost" error={error}>
              {(f) => <Textarea {...f} rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Went with a cheaper agency" />}
            </FormField>
          ) : error ? (
            <p className="text-sm text-red-600" role="alert">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant={status === "lost" ? "destructive" : "primary"} loading={close.isPending}>
              {status === "won" ? "Mark won" : "Mark lost"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
