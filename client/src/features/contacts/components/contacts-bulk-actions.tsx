import type { ContactDto } from "@shared/contracts/contacts";
import { BulkContactsBody } from "@shared/contracts/contacts";
import { BulkActionsBar, type BulkSelectionProps } from "@/components/crm/bulk-actions-bar";
import { useBulkContacts } from "../api/bulk-contacts";

const SKIP_REASONS = { not_found: "not found", forbidden: "you can't delete it" };

/**
 * The contact list's bulk bar: delete only (contacts have no owner, status or tags, and "primary" is one
 * per client). The confirmation warns when selected contacts have a portal login, which ends with them.
 */
export function ContactsBulkActions({ rows, canDelete, ...selection }: Omit<BulkSelectionProps, "canWrite" | "canDelete"> & { rows: readonly ContactDto[]; canDelete: boolean }) {
  const bulk = useBulkContacts();
  const withPortal = rows.filter((c) => selection.selected.has(c.id) && (c.portalAccess === "active" || c.portalAccess === "invited"));
  return (
    <BulkActionsBar
      {...selection}
      // No update actions exist for contacts; deleting needs the same right as the single delete.
      canWrite={false}
      canDelete={canDelete}
      schema={BulkContactsBody}
      mutation={bulk}
      config={{
        noun: ["contact", "contacts"],
        skipReasons: SKIP_REASONS,
        skipNote: "Contacts you can't delete are skipped.",
        deleteNote: (
          <>
            <p>This can't be undone.</p>
            {withPortal.length > 0 ? (
              <p className="mt-2 font-medium text-amber-700" data-testid="bulk-delete-portal-warning">
                {withPortal.length === 1 ? "1 of them has" : `${withPortal.length} of them have`} portal access ({withPortal.map((c) => c.name).join(", ")}): their portal
                login ends and pending invites stop working.
              </p>
            ) : null}
          </>
        ),
      }}
    />
  );
}
