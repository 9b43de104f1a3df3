import { ROLE_LABELS, type Role, type UserStatus } from "@shared/constants/roles";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<UserStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  invited: { label: "Invited", tone: "warning" },
  deactivated: { label: "Deactivated", tone: "neutral" },
};

export const STATUS_LABELS: Record<UserStatus, string> = { active: "Active", invited: "Invited", deactivated: "Deactivated" };

/** The user's role as a pill. */
export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={role === "admin" ? "brand" : role === "client" ? "info" : "neutral"}>{ROLE_LABELS[role]}</Badge>;
}

/** Active / Invited / Deactivated. */
export function StatusBadge({ status }: { status: UserStatus }) {
  const s = STATUS[status];
  return (
    <Badge tone={s.tone}>
      <span className="size-1.5 rounded-full bg-current opacity-70" aria-hidden />
      {s.label}
    </Badge>
  );
}
