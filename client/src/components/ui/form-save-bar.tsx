import { Button } from "./button";

/**
 * The footer of an edit-in-place details form: "Discard changes" (back to the saved values) and
 * "Save changes", both off until something changed, "Save" spinning while the update runs.
 */
export function FormSaveBar({ dirty, pending, onDiscard }: { dirty: boolean; pending: boolean; onDiscard: () => void }) {
  return (
    <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
      <Button variant="secondary" disabled={!dirty || pending} onClick={onDiscard}>
        Discard changes
      </Button>
      <Button type="submit" loading={pending} disabled={!dirty}>
        Save changes
      </Button>
    </div>
  );
}
