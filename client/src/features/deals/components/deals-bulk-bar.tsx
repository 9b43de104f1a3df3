import type { BulkResult } from "@shared/contracts/clients";
import { BulkDealsBody, DEAL_STATUSES, type DealStatus } from "@shared/contracts/deals";
import { ChevronDown, CircleCheck, Tag, Trash2, UserRound, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { useBulkDeals } from "../api/bulk-deals";
import { DEAL_STATUS_LABELS } from "./deal-format";

type Pending = "owner" | "tag" | "status" | "delete" | null;
type Person = { id: string; name: string };
const SKIP_REASONS: Record<string, string> = { not_found: "not found", forbidden: "you can't change it" };

/** "3 updated, 1 skipped: Website (not found)". */
function describe(result: BulkResult, names: ReadonlyMap<string, string>, verb: string): string {
  const head = `${result.updated} ${verb}`;
  if (!result.skipped.length) return head;
  return `${head}, ${result.skipped.length} skipped: ${result.skipped.map((s) => `${names.get(s.id) ?? "a deal"} (${SKIP_REASONS[s.reason] ?? s.reason})`).join(", ")}`;
}

/** Bulk actions on the selected deals: assign owner, add tag, change status, delete. */
export function DealsBulkBar({
  selected,
  names,
  members,
  canWrite,
  canDelete,
  onDone,
}: {
  selected: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
  members: Person[];
  canWrite: boolean;
  canDelete: boolean;
  onDone: (summary: string) => void;
}) {
  const [pending, setPending] = useState<Pending>(null);
  const [ownerId, setOwnerId] = useState("");
  const [tag, setTag] = useState("");
  const [status, setStatus] = useState<DealStatus>("won");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const bulk = useBulkDeals();
  const count = selected.size;
  if (count === 0 || (!canWrite && !canDelete)) return null;
  const noun = `${count} deal${count === 1 ? "" : "s"}`;

  const run = (action: unknown) => {
    const parsed = BulkDealsBody.safeParse({ ids: [...selected], action });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    bulk.mutate(parsed.data, {
      onSuccess: (result) => {
        const summary = describe(result, names, parsed.data.action.type === "delete" ? "deleted" : "updated");
        if (result.skipped.length) toast.warning(summary);
        else toast.success(summary);
        setPending(null);
        onDone(summary);
      },
      onError: (err) => toast.error(errorMessage(err)),
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending === "owner") run({ type: "assign_owner", ownerId: ownerId || null });
    if (pending === "tag") run({ type: "add_tag", tag: tag.trim() });
    if (pending === "status") run({ type: "set_status", status, ...(status === "lost" ? { reason: reason.trim() } : {}) });
  };
  const titles = { owner: "Assign owner", tag: "Add tag", status: "Change status" } as const;

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
              <DropdownMenuItem onSelect={() => setPending("owner")}>
                <UserRound aria-hidden />
                Assign owner…
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setPending("tag")}>
                <Tag aria-hidden />
                Add tag…
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setPending("status")}>
                <CircleCheck aria-hidden />
                Change status…
              </DropdownMenuItem>
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
      <Dialog
        open={pending === "owner" || pending === "tag" || pending === "status"}
        onOpenChange={(open) => {
          if (!open) {
            setPending(null);
            setError(undefined);
          }
        }}
      >
        {pending && pending !== "delete" ? (
          <DialogContent title={titles[pending]} description={`Applies to ${noun}. Deals you can't change are skipped.`}>
            <form onSubmit={submit} noValidate className="space-y-4">
              {pending === "owner" ? (
                <FormField label="Owner">
                  {(f) => (
                    <NativeSelect {...f} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                      <option value="">No owner</option>
                      {members.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.name}
                        </option>
                      ))}
                    </NativeSelect>
                  )}
                </FormField>
              ) : pending === "tag" ? (
                <FormField label="Tag" error={error}>
                  {(f) => <Input {...f} value={tag} maxLength={40} onChange={(e) => setTag(e.target.value)} autoComplete="off" />}
                </FormField>
              ) : (
                <>
                  <FormField label="Status">
                    {(f) => (
                      <NativeSelect {...f} value={status} onChange={(e) => setStatus(e.target.value as DealStatus)}>
                        {DEAL_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {DEAL_STATUS_LABELS[s]}
                          </option>
                        ))}
                      </NativeSelect>
                    )}
                  </FormField>
                  {status === "lost" ? (
                    <FormField label="Reason lost" error={error}>
                      {(f) => <Input {...f} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
                    </FormField>
                  ) : null}
                </>
              )}
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="secondary">Cancel</Button>
                </DialogClose>
                <Button type="submit" loading={bulk.isPending}>
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
        description="Their timelines and stage history go with them. This can't be undone."
        confirmLabel={`Delete ${noun}`}
        pending={bulk.isPending}
        onConfirm={() => run({ type: "delete" })}
      />
    </section>
  );
}
