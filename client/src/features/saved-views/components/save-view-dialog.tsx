import { zodResolver } from "@hookform/resolvers/zod";
import { CreateSavedViewBody, SAVED_VIEW_VISIBILITIES, type SavedViewVisibility } from "@shared/contracts/saved-views";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { applyFieldErrors } from "@/lib/form-errors";

const ViewFormSchema = z.object({ name: CreateSavedViewBody.shape.name, visibility: z.enum(SAVED_VIEW_VISIBILITIES) });
export type ViewFormValues = z.infer<typeof ViewFormSchema>;

/** Name and personal/shared choice of a view: saving a new one, or renaming an existing one. */
export function SaveViewDialog({
  open,
  onOpenChange,
  title,
  submitLabel,
  initial,
  allowVisibility = true,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  submitLabel: string;
  initial: { name: string; visibility: SavedViewVisibility };
  /** False when the user may not change who sees the view (a colleague's shared view). */
  allowVisibility?: boolean;
  /** Saves; rejects with the API error so it lands on the fields. */
  onSubmit: (values: ViewFormValues) => Promise<unknown>;
}) {
  const form = useForm<ViewFormValues>({ resolver: zodResolver(ViewFormSchema), defaultValues: initial });
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const { errors } = form.formState;
  // Reset only when the dialog opens: a parent re-render (e.g. a refetch) must not wipe what is typed.
  const initialRef = useRef(initial);
  initialRef.current = initial;
  useEffect(() => {
    if (open) {
      form.reset(initialRef.current);
      setFormError(null);
    }
  }, [open, form]);

  const submit = form.handleSubmit(async (values) => {
    setPending(true);
    setFormError(null);
    try {
      await onSubmit({ ...values, name: values.name.trim() });
      onOpenChange(false);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ["name", "visibility"])) setFormError(errorMessage(error));
    } finally {
      setPending(false);
    }
  });

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent title={title} description="A view remembers this list's search, filters, sort and columns.">
        <form onSubmit={submit} noValidate className="space-y-4">
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          <FormField label="View name" error={errors.name?.message}>
            {(f) => <Input {...f} autoComplete="off" placeholder="e.g. Active retainers" {...form.register("name")} />}
          </FormField>
          {allowVisibility ? (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-zinc-800">Who sees it</legend>
              {(
                [
                  ["personal", "Only me"],
                  ["shared", "Everyone in the workspace"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex cursor-pointer items-center gap-2 text-sm text-zinc-700">
                  <input type="radio" value={value} className="size-4 accent-brand" {...form.register("visibility")} />
                  {label}
                </label>
              ))}
              <p className="text-xs text-zinc-500">A shared view shows each colleague only the records they may see.</p>
            </fieldset>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
