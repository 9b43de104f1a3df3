import { ROLE_LABELS, type Role } from "@shared/constants/roles";
import type { RolePermissionsResponse } from "@shared/contracts/roles";
import { Lock } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { errorMessage } from "@/lib/api-client";
import { cn } from "@/lib/cn";
import { useUpdateRolePermissions } from "../api/update-role-permissions";
import { SaveRoleDialog } from "./save-role-dialog";

type Drafts = Partial<Record<Role, string[]>>;

/** Roles × permissions grid; editable columns get their own Save (with confirmation). */
export function RolesMatrix({ data }: { data: RolePermissionsResponse }) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const [confirming, setConfirming] = useState<Role | null>(null);
  const update = useUpdateRolePermissions();
  const canManage = data.abilities.manage;

  const granted = (role: Role) => drafts[role] ?? data.roles.find((r) => r.role === role)?.permissions ?? [];
  const isDirty = (role: Role) => {
    const draft = drafts[role];
    if (!draft) return false;
    const saved = data.roles.find((r) => r.role === role)?.permissions ?? [];
    return draft.length !== saved.length || draft.some((p) => !saved.includes(p));
  };
  const toggle = (role: Role, key: string, on: boolean) =>
    setDrafts((d) => {
      const current = d[role] ?? granted(role);
      return { ...d, [role]: on ? [...current, key] : current.filter((p) => p !== key) };
    });
  const discard = (role: Role) => setDrafts(({ [role]: _, ...rest }) => rest as Drafts);

  const save = (role: Role) =>
    update.mutate(
      { role, body: { permissions: granted(role) } },
      {
        onSuccess: () => {
          toast.success(`Permissions for ${ROLE_LABELS[role]} saved.`);
          discard(role);
          setConfirming(null);
        },
        onError: (error) => toast.error(errorMessage(error)),
      },
    );

  const saved = (role: Role) => data.roles.find((r) => r.role === role)?.permissions ?? [];

  return (
    <>
      <Table data-testid="roles-matrix" className="min-w-[760px]">
        <THead>
          <tr>
            <TH className="sticky left-0 z-10 w-80 bg-zinc-50">Permission</TH>
            {data.roles.map((r) => (
              <TH key={r.role} className="text-center">
                <span className="inline-flex items-center gap-1">
                  {ROLE_LABELS[r.role]}
                  {r.editable ? null : <Lock className="size-3 text-zinc-400" aria-label="read-only" />}
                </span>
              </TH>
            ))}
          </tr>
        </THead>
        <TBody>
          {data.catalogue.map((perm) => (
            <TR key={perm.key}>
              <TD className="sticky left-0 z-10 bg-white">
                <p className="font-mono text-xs font-medium text-zinc-900">{perm.key}</p>
                <p className="text-xs text-zinc-500">{perm.description}</p>
              </TD>
              {data.roles.map((r) => {
                const locked = !canManage || !r.editable || perm.portalOnly !== (r.role === "client");
                const on = granted(r.role).includes(perm.key);
                return (
                  <TD key={r.role} className={cn("text-center", !r.editable && "bg-zinc-50/60")}>
                    <Checkbox
                      checked={on}
                      disabled={locked}
                      onChange={(e) => toggle(r.role, perm.key, e.target.checked)}
                      aria-label={`${ROLE_LABELS[r.role]}: ${perm.key}`}
                    />
                  </TD>
                );
              })}
            </TR>
          ))}
        </TBody>
        {canManage ? (
          <tfoot className="border-t border-zinc-200 bg-zinc-50/80">
            <tr>
              <TD className="sticky left-0 z-10 bg-zinc-50 text-xs text-zinc-500">Admin and client roles are fixed.</TD>
              {data.roles.map((r) => (
                <TD key={r.role} className="text-center">
                  {r.editable ? (
                    <div className="flex flex-col items-center gap-1">
                      <Button size="sm" disabled={!isDirty(r.role)} onClick={() => setConfirming(r.role)} aria-label={`Save ${ROLE_LABELS[r.role]}`}>
                        Save
                      </Button>
                      {isDirty(r.role) ? (
                        <Button variant="link" size="sm" className="text-xs text-zinc-500" onClick={() => discard(r.role)}>
                          Discard
                        </Button>
                      ) : null}
                    </div>
                  ) : null}
                </TD>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </Table>
      {confirming ? (
        <SaveRoleDialog
          role={confirming}
          before={saved(confirming)}
          after={granted(confirming)}
          pending={update.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() => save(confirming)}
        />
      ) : null}
    </>
  );
}
