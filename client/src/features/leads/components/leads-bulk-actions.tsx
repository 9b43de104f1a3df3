import { BulkLeadsBody, EDITABLE_LEAD_STATUSES } from "@shared/contracts/leads";
import { BulkActionsBar, type BulkSelectionProps } from "@/components/crm/bulk-actions-bar";
import { useBulkLeads } from "../api/bulk-leads";
import { LEAD_STATUS_LABELS } from "./lead-badges";
import type { PersonOption } from "./lead-form-fields";

const SKIP_REASONS = { not_found: "not found or not yours", forbidden: "you can't change it", converted: "already converted" };

/** The lead list's bulk bar: assign owner (not for people who only see their own leads), add or remove a tag, set status, delete. */
export function LeadsBulkActions({ members, canAssign, ...selection }: BulkSelectionProps & { members: PersonOption[]; canAssign: boolean }) {
  const bulk = useBulkLeads();
  return (
    <BulkActionsBar
      {...selection}
      schema={BulkLeadsBody}
      mutation={bulk}
      config={{
        noun: ["lead", "leads"],
        owners: canAssign ? members : undefined,
        removeTag: true,
        status: { options: EDITABLE_LEAD_STATUSES, labels: LEAD_STATUS_LABELS, initial: "contacted" },
        skipReasons: SKIP_REASONS,
        skipNote: "Leads you can't change (or already converted) are skipped.",
        deleteNote: <p>The leads and their timelines are removed. This can't be undone.</p>,
      }}
    />
  );
}
