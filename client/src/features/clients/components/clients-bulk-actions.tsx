import { BulkClientsBody, CLIENT_STATUSES } from "@shared/contracts/clients";
import { BulkActionsBar, type BulkSelectionProps } from "@/components/crm/bulk-actions-bar";
import { useBulkClients } from "../api/bulk-clients";
import { CLIENT_STATUS_LABELS } from "./client-badges";
import type { PersonOption } from "./client-form-fields";

const SKIP_REASONS = { not_found: "not found", forbidden: "you can't change it", portal_users_bound: "a portal user is linked" };

/** The client list's bulk bar: assign owner, add tag, set status, delete (clients with a portal user are skipped). */
export function ClientsBulkActions({ members, ...selection }: BulkSelectionProps & { members: PersonOption[] }) {
  const bulk = useBulkClients();
  return (
    <BulkActionsBar
      {...selection}
      schema={BulkClientsBody}
      mutation={bulk}
      config={{
        noun: ["client", "clients"],
        owners: members,
        status: { options: CLIENT_STATUSES, labels: CLIENT_STATUS_LABELS, initial: "active" },
        skipReasons: SKIP_REASONS,
        skipNote: "Clients you can't change are skipped.",
        deleteNote: <p>This can't be undone. Clients with a portal user are skipped — deactivate that user first.</p>,
      }}
    />
  );
}
