import type { BulkResult } from "@shared/contracts/clients";
import { type BulkLeadsBody, EDITABLE_LEAD_STATUSES } from "@shared/contracts/leads";
import { ChevronDown, RefreshCw, Tag, TagsIcon, Trash2, UserRound, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { useBulkLeads } from "../api/bulk-leads";
import { LEAD_STATUS_LABELS } from "./lead-badges";
import type { PersonOption } from "./lead-form-fields";

type Pending = "owner" | "add_tag" | "remove_tag" | "status" | "delete" | null;
type BulkAction = BulkLeadsBody["action"];
type EditableStatus = (typeof EDITABLE_LEAD_STATUSES)[number];

const SKIP_REASONS: Record<string, string> = {
  not_found: "not found or not yours",
  forbidden: "you can't change it",
  converted: "already converted",
};

/** "3 updated, 1 skipped: Jo Bloggs (already converted)". */
export function describeLeadBulkResult(result: BulkResult, names: ReadonlyMap<string, string>, verb = "updated"): string {
  const head = `${result.updated} ${verb}`;
  if (result.skipped.length === 0) return head;
  const why = result.skipped.map((s) => `${names.get(s.id) ?? "a lead"} (${SKIP_REASONS[s.reason] ?? s.reason.replaceAll("_", " ")})`).join(", ");
  return `${head}, ${result.skipped.length} skipped: ${why}`;
}

/** Actions on the selected leads; shown while something is selected. */
export function LeadsBulkBar({
  selected,
  names,
  members,
  canWrite,
  canDelete,
  canAssign,
  onDone,
}: {
  selected: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
  members: PersonOption[];
  canWrite: boolean;
  canDelete: boolean;
  /** False for people who only see their own leads (they can't hand leads to others). */
  canAssign: boolean;
  onDone: (summary: string) => void;
}) {
  const [pending, setPending] = useState<Pending>(null);
  const [ownerId, setOwnerId] = useState("");
  const [tag, setTag] = useState("");
  const [status, setStatus] = useState<EditableStatus>("contacted");
  const bulk = useBulkLeads();
  const count = selected.size;
  if (count === 0 || (!canWrite && !canDelete)) return null;

  const run = (action: BulkAction) =>
    bulk.mutate(
      { ids: [...selected], action },
      {
        onSuccess: (result) => {
          const summary = describeLeadBulkResult(result, names, action.type === "delete" ? "deleted" : "updated");
          if (result.skipped.length > 0) toast.warning(summary);
          else toast.success(summary);
          setPending(null);
          setTag("");
          onDone(summary);
        },
        onError: (error) => toast.error(errorMessage(error)),
      },
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending === "owner") run({ type: "assign_owner", ownerId: ownerId || null });
    if (pending === "add_tag" && tag.trim()) run({ type: "add_tag", tag: tag.trim() });
    if (pending === "remove_tag" && tag.trim()) run({ type: "remove_tag", tag: tag.trim() });
    if (pending === "status") run({ type: "set_status", status });
  };
  const titles = { owner: "Assign owner", add_tag: "Add tag", remove_tag: "Remove tag", status: "Set status" } as const;
  const noun = `${count} lead${count === 1 ? "" : "s"}`;
  const needsTag = pending === "add_tag" || pending === "remove_tag";

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
              {canAssign ? (
                <DropdownMenuItem onSelect={() => setPending("owner")}>
                  <UserRound aria-hidden />
                  Assign owner…
                </DropdownMenuItem>
              ) : null}
              <DropdownMenuItem onSelect={() => setPending("add_tag")}>
                <Tag aria-hidden />
                Add tag…
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setPending("remove_tag")}>
                <TagsIcon aria-hidden />
                Remove tag…
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setPending("status")}>
                <RefreshCw aria-hidden />
                Set status…
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

      <Dialog open={pending !== null && pending !== "delete"} onOpenChange={(open) => !open && setPending(null)}>
        {pending && pending !== "delete" ? (
          <DialogContent title={titles[pending]} description={`Applies to ${noun}. Leads you can't change (or already converted) are skipped.`}>
            <form onSubmit={submit} className="space-y-4">
              {pending === "owner" ? (
                <FormField label="Owner">
                  {(f) => (
                    <NativeSelect {...f} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                      <option value="">Unassigned</option>
                      {members.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.name}
                        </option>
                      ))}
                    </NativeSelect>
                  )}
                </FormField>
              ) : needsTag ? (
                <FormField label="Tag">
                  {(f) => <Input {...f} value={tag} maxLength={40} onChange={(e) => setTag(e.target.value)} autoComplete="off" />}
                </FormField>
              ) : (
                <FormField label="Status">
                  {(f) => (
                    <NativeSelect {...f} value={status} onChange={(e) => setStatus(e.target.value as EditableStatus)}>
                      {EDITABLE_LEAD_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {LEAD_STATUS_LABELS[s]}
                        </option>
                      ))}
                    </NativeSelect>
                  )}
                </FormField>
              )}
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="secondary">Cancel</Button>
                </DialogClose>
                <Button type="submit" loading={bulk.isPending} disabled={needsTag && !tag.trim()}>
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
        description={<p>The leads and their timelines are removed. This can't be undone.</p>}
        confirmLabel={`Delete ${noun}`}
        pending={bulk.isPending}
        onConfirm={() => run({ type: "delete" })}
      />
    </section>
  );
}
