import type { BulkResult } from "@shared/contracts/clients";
import { ChevronDown, RefreshCw, Tag, TagsIcon, Trash2, UserRound, X } from "lucide-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { toast } from "sonner";
import type { ZodType } from "zod";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";

type Pending = "owner" | "add_tag" | "remove_tag" | "status" | "delete" | null;

/** What a record type's bulk endpoint offers, and how its bar words things. */
export interface BulkActionsConfig<S extends string> {
  /** The record's name, singular and plural: ["client", "clients"]. */
  noun: readonly [string, string];
  /** "Assign owner…": the people offered. Omit to leave the action out (people who only see their own records). */
  owners?: readonly { id: string; name: string }[];
  /** Offer "Remove tag…" beside "Add tag…". */
  removeTag?: boolean;
  /** "Set status…": the record type's statuses, the one preselected, and a status that takes a reason. Omit for record types without a status. */
  status?: { options: readonly S[]; labels: Record<S, string>; initial: S; reasonFor?: S };
  /** The server's skip reasons in words, by code (others are shown with underscores as spaces). */
  skipReasons: Record<string, string>;
  /** Which rows the dialogs say are skipped: "Clients you can't change are skipped." */
  skipNote: string;
  /** The delete confirmation's body (the title and button name the count). */
  deleteNote: ReactNode;
}

/** The selection a list page hands to its bulk bar. */
export interface BulkSelectionProps {
  selected: ReadonlySet<string>;
  /** Row names by id, for the summary of skipped rows. */
  names: ReadonlyMap<string, string>;
  canWrite: boolean;
  canDelete: boolean;
  /** After an action (with its summary) or "Clear selection" (with ""). */
  onDone: (summary: string) => void;
}

/** "3 updated, 1 skipped: Acme (a portal user is linked)". */
export function describeBulkResult(
  result: BulkResult,
  names: ReadonlyMap<string, string>,
  verb: string,
  opts: { noun: string; skipReasons: Record<string, string> },
): string {
  const head = `${result.updated} ${verb}`;
  if (result.skipped.length === 0) return head;
  const why = result.skipped
    .map((s) => `${names.get(s.id) ?? `a ${opts.noun}`} (${opts.skipReasons[s.reason] ?? s.reason.replaceAll("_", " ")})`)
    .join(", ");
  return `${head}, ${result.skipped.length} skipped: ${why}`;
}

/**
 * Bulk actions on the selected rows of a list (assign owner, add/remove tag, set status, delete after a
 * confirmation that names the count); shown while something is selected. The body is checked with the
 * record type's shared contract before it is sent; the result (and what was skipped, and why) is toasted
 * and handed to `onDone`.
 */
export function BulkActionsBar<S extends string, B>({
  config,
  schema,
  mutation,
  selected,
  names,
  canWrite,
  canDelete,
  onDone,
}: BulkSelectionProps & {
  config: BulkActionsConfig<S>;
  /** The bulk endpoint's body contract ({ ids, action }). */
  schema: ZodType<B>;
  mutation: { mutate: (body: B, callbacks: { onSuccess: (result: BulkResult) => void; onError: (error: unknown) => void }) => void; isPending: boolean };
}) {
  const [pending, setPending] = useState<Pending>(null);
  const [ownerId, setOwnerId] = useState("");
  const [tag, setTag] = useState("");
  const [status, setStatus] = useState<S | undefined>(config.status?.initial);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const count = selected.size;
  if (count === 0 || (!canWrite && !canDelete)) return null;
  const [one, many] = config.noun;
  const noun = `${count} ${count === 1 ? one : many}`;
  const needsTag = pending === "add_tag" || pending === "remove_tag";
  const needsReason = config.status?.reasonFor !== undefined && status === config.status.reasonFor;

  const close = () => {
    setPending(null);
    setError(undefined);
  };
  const run = (action: Record<string, unknown>) => {
    const parsed = schema.safeParse({ ids: [...selected], action });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    mutation.mutate(parsed.data, {
      onSuccess: (result) => {
        const summary = describeBulkResult(result, names, action.type === "delete" ? "deleted" : "updated", { noun: one, skipReasons: config.skipReasons });
        if (result.skipped.length > 0) toast.warning(summary);
        else toast.success(summary);
        close();
        setTag("");
        onDone(summary);
      },
      onError: (err) => toast.error(errorMessage(err)),
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending === "owner") run({ type: "assign_owner", ownerId: ownerId || null });
    if (needsTag && tag.trim()) run({ type: pending, tag: tag.trim() });
    if (pending === "status" && status) run({ type: "set_status", status, ...(needsReason ? { reason: reason.trim() } : {}) });
  };
  const titles = { owner: "Assign owner", add_tag: "Add tag", remove_tag: "Remove tag", status: "Set status" } as const;

  return (
    <section className="flex flex-wrap items-center gap-2 border-b border-zinc-100 bg-brand-soft/60 px-4 py-2.5 text-sm" aria-label="Bulk actions">
      <span className="font-medium text-zinc-900" aria-live="polite">
        {noun} selected
      </span>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="sm">
            Bulk actions
            <ChevronDown aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          {canWrite ? (
            <>
              {config.owners ? (
                <DropdownMenuItem onSelect={() => setPending("owner")}>
                  <UserRound aria-hidden />
                  Assign owner…
                </DropdownMenuItem>
              ) : null}
              <DropdownMenuItem onSelect={() => setPending("add_tag")}>
                <Tag aria-hidden />
                Add tag…
              </DropdownMenuItem>
              {config.removeTag ? (
                <DropdownMenuItem onSelect={() => setPending("remove_tag")}>
                  <TagsIcon aria-hidden />
                  Remove tag…
                </DropdownMenuItem>
              ) : null}
              {config.status ? (
                <DropdownMenuItem onSelect={() => setPending("status")}>
                  <RefreshCw aria-hidden />
                  Set status…
                </DropdownMenuItem>
              ) : null}
            </>
          ) : null}
          {canWrite && canDelete ? <DropdownMenuSeparator /> : null}
          {canDelete ? (
            <DropdownMenuItem destructive onSelect={() => setPending("delete")}>
              <Trash2 aria-hidden />
              Delete…
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      <Button variant="ghost" size="sm" onClick={() => onDone("")}>
        <X aria-hidden />
        Clear selection
      </Button>

      <Dialog open={pending !== null && pending !== "delete"} onOpenChange={(open) => !open && close()}>
        {pending && pending !== "delete" ? (
          <DialogContent title={titles[pending]} description={`Applies to ${noun}. ${config.skipNote}`}>
            <form onSubmit={submit} noValidate className="space-y-4">
              {pending === "owner" ? (
                <FormField label="Owner" error={error}>
                  {(f) => (
                    <NativeSelect {...f} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                      <option value="">Unassigned</option>
                      {(config.owners ?? []).map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.name}
                        </option>
                      ))}
                    </NativeSelect>
                  )}
                </FormField>
              ) : needsTag ? (
                <FormField label="Tag" error={error}>
                  {(f) => <Input {...f} value={tag} maxLength={40} onChange={(e) => setTag(e.target.value)} autoComplete="off" />}
                </FormField>
              ) : (
                <>
                  <FormField label="Status" error={needsReason ? undefined : error}>
                    {(f) => (
                      <NativeSelect {...f} value={status} onChange={(e) => setStatus(e.target.value as S)}>
                        {config.status?.options.map((s) => (
                          <option key={s} value={s}>
                            {config.status?.labels[s]}
                          </option>
                        ))}
                      </NativeSelect>
                    )}
                  </FormField>
                  {needsReason ? (
                    <FormField label={`Reason ${config.status?.labels[status as S].toLowerCase()}`} error={error}>
                      {(f) => <Input {...f} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
                    </FormField>
                  ) : null}
                </>
              )}
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="secondary">Cancel</Button>
                </DialogClose>
                <Button type="submit" loading={mutation.isPending} disabled={needsTag && !tag.trim()}>
                  Apply to {noun}
                </Button>
              </DialogFooter>
            </form>
          </DialogContent>
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={pending === "delete"}
        onOpenChange={(open) => setPending(open ? "delete" : null)}
        title={`Delete ${noun}?`}
        description={config.deleteNote}
        confirmLabel={`Delete ${noun}`}
        pending={mutation.isPending}
        onConfirm={() => run({ type: "delete" })}
      />
    </section>
  );
}
