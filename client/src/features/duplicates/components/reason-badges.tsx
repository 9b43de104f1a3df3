import type { DuplicateReason } from "@shared/contracts/duplicates";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const REASONS: Record<DuplicateReason, { label: string; tone: BadgeTone }> = {
  email: { label: "Same email", tone: "danger" },
  phone: { label: "Same phone", tone: "warning" },
  domain: { label: "Same domain", tone: "info" },
  name: { label: "Similar name", tone: "brand" },
};

/** Why a pair is proposed, as badges. */
export function ReasonBadges({ reasons }: { reasons: DuplicateReason[] }) {
  return (
    <div className="flex flex-wrap gap-1">
      {reasons.map((r) => (
        <Badge key={r} tone={REASONS[r].tone}>
          {REASONS[r].label}
        </Badge>
      ))}
    </div>
  );
}

/** Score as a percentage with a tone for how sure the match is. */
export function ScoreBadge({ score }: { score: number }) {
  const tone: BadgeTone = score >= 0.9 ? "danger" : score >= 0.7 ? "warning" : "neutral";
  return (
    <Badge tone={tone} aria-label={`Match score ${Math.round(score * 100)} percent`}>
      {Math.round(score * 100)}%
    </Badge>
  );
}
