import type { ContactDto } from "@shared/contracts/contacts";
import { Star } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const ACCESS: Record<ContactDto["portalAccess"], { label: string; tone: BadgeTone }> = {
  none: { label: "No portal access", tone: "neutral" },
  invited: { label: "Portal invite sent", tone: "info" },
  active: { label: "Portal active", tone: "success" },
  deactivated: { label: "Portal deactivated", tone: "warning" },
};

/** Where this contact's portal login stands. */
export function PortalAccessBadge({ access }: { access: ContactDto["portalAccess"] }) {
  const a = ACCESS[access];
  return <Badge tone={a.tone}>{a.label}</Badge>;
}

/** Marks the client's primary contact. */
export function PrimaryContactBadge() {
  return (
    <Badge tone="brand">
      <Star className="size-3" aria-hidden />
      Primary
    </Badge>
  );
}
