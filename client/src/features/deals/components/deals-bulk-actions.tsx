import { BulkDealsBody, DEAL_STATUSES } from "@shared/contracts/deals";
import { BulkActionsBar, type BulkSelectionProps } from "@/components/crm/bulk-actions-bar";
import { useBulkDeals } from "../api/bulk-deals";
import { DEAL_STATUS_LABELS } from "./deal-format";

const SKIP_REASONS = { not_found: "not found", forbidden: "you can't change it" };

/** The deal list's bulk bar: assign owner (not for people who only own their own deals), add tag, set status (lost takes a reason), delete. */
export function DealsBulkActions({ members, canAssign, ...selection }: BulkSelectionProps & { members: { id: string; name: string }[]; canAssign: boolean }) {
  const bulk = useBulkDeals();
  return (
    <BulkActionsBar
      {...selection}
      schema={BulkDealsBody}
      mutation={bulk}
      config={{
        noun: ["deal", "deals"],
        owners: canAssign ? members : undefined,
        status: { options: DEAL_STATUSES, labels: DEAL_STATUS_LABELS, initial: "won", reasonFor: "lost" },
        skipReasons: SKIP_REASONS,
        skipNote: "Deals you can't change are skipped.",
        deleteNote: "Their timelines and stage history go with them. This can't be undone.",
      }}
    />
  );
}
