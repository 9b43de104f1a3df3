import { ROLE_LABELS, type Role } from "@shared/constants/roles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Confirms a role's permission change, listing what is granted and revoked. */
export function SaveRoleDialog({
  role,
  before,
  after,
  pending,
  onCancel,
  onConfirm,
}: {
  role: Role;
  before: string[];
  after: string[];
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const added = after.filter((p) => !before.includes(p));
  const removed = before.filter((p) => !after.includes(p));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onCancel()}
      title={`Save permissions for ${ROLE_LABELS[role]}?`}
      destructive={removed.length > 0}
      confirmLabel="Save permissions"
      pending={pending}
      onConfirm={onConfirm}
      description={
        <div className="space-y-3">
          <p>This applies to every {ROLE_LABELS[role].toLowerCase()} in the workspace the next time they load a page.</p>
          {added.length > 0 ? (
            <div>
              <p className="font-medium text-emerald-700">Granted</p>
              <ul className="mt-1 list-inside list-disc font-mono text-xs">
                {added.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {removed.length > 0 ? (
            <div>
              <p className="font-medium text-red-700">Revoked</p>
              <ul className="mt-1 list-inside list-disc font-mono text-xs">
                {removed.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      }
    />
  );
}
