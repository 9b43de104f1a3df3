import { EDITABLE_LEAD_STATUSES, type LeadDto } from "@shared/contracts/leads";
import { toast } from "sonner";
import { DeleteRecordButton } from "@/components/crm/delete-record-button";
import { NativeSelect } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { useDeleteLead } from "../api/delete-lead";
import { useUpdateLead } from "../api/update-lead";
import { LEAD_STATUS_LABELS, LeadScore, LeadStatusBadge } from "./lead-badges";
import type { PersonOption } from "./lead-form-fields";

type EditableStatus = (typeof EDITABLE_LEAD_STATUSES)[number];

/**
 * Status, owner and score under the lead's name. Status and owner change in place (each change
 * lands on the timeline); `ownerPicker` false shows the owner as text (own-leads-only users).
 */
export function LeadHeaderControls({
  lead,
  members,
  ownerPicker,
  onChanged,
}: {
  lead: LeadDto;
  members: PersonOption[];
  ownerPicker: boolean;
  onChanged?: () => void;
}) {
  const update = useUpdateLead();
  const editable = lead.abilities.update && lead.status !== "converted";
  // An owner no longer in the active team still shows by name.
  const options = lead.owner && !members.some((m) => m.id === lead.owner?.id) ? [lead.owner, ...members] : members;
  const save = (body: { status?: EditableStatus; ownerId?: string | null }, done: string) =>
    update.mutate(
      { id: lead.id, body },
      {
        onSuccess: () => {
          toast.success(done);
          onChanged?.();
        },
        onError: (error) => toast.error(errorMessage(error)),
      },
    );

  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm text-zinc-600" data-testid="lead-header-controls">
      <span className="flex items-center gap-2">
        <span className="text-zinc-500">Status</span>
        {editable ? (
          <NativeSelect
            aria-label="Status"
            value={lead.status}
            disabled={update.isPending}
            onChange={(e) => {
              const status = e.target.value as EditableStatus;
              save({ status }, `Status set to ${LEAD_STATUS_LABELS[status]}.`);
            }}
            className="h-8 w-36"
          >
            {EDITABLE_LEAD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {LEAD_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        ) : (
          <LeadStatusBadge status={lead.status} />
        )}
      </span>
      <span className="flex items-center gap-2">
        <span className="text-zinc-500">Owner</span>
        {lead.abilities.update && ownerPicker ? (
          <NativeSelect
            aria-label="Owner"
            value={lead.owner?.id ?? ""}
            disabled={update.isPending}
            onChange={(e) => {
              const ownerId = e.target.value || null;
              const name = options.find((m) => m.id === ownerId)?.name;
              save({ ownerId }, name ? `${lead.name} is now owned by ${name}.` : `${lead.name} is unassigned.`);
            }}
            className="h-8 w-44"
          >
            <option value="">Unassigned</option>
            {options.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </NativeSelect>
        ) : (
          <span className="font-medium text-zinc-900" data-testid="lead-owner-name">
            {lead.owner?.name ?? "Unassigned"}
          </span>
        )}
      </span>
      <span className="flex items-center gap-2">
        <span className="text-zinc-500">Score</span>
        <LeadScore score={lead.score} />
      </span>
    </div>
  );
}

/** The delete button of the lead page (with confirmation). */
export function DeleteLeadButton({ lead, onDeleted }: { lead: LeadDto; onDeleted: () => void }) {
  const remove = useDeleteLead();
  if (!lead.abilities.delete) return null;
  return (
    <DeleteRecordButton
      id={lead.id}
      name={lead.name}
      description={<p>The lead and its timeline are removed. A client, contact or deal made from it stays. This can't be undone.</p>}
      confirmLabel="Delete lead"
      mutation={remove}
      onDeleted={onDeleted}
    />
  );
}
