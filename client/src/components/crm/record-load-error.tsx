import type { LucideIcon } from "lucide-react";
import { useLocation } from "wouter";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { isApiError } from "@/lib/api-client";

/**
 * A record page whose record did not load: "doesn't exist or isn't shared with you" for a 404 or 403
 * (the API hides records the user may not see), "Couldn't load" otherwise; both offer the way back
 * to the list.
 */
export function RecordLoadError({
  error,
  icon,
  noun,
  missing,
  failedDescription = "Check your connection and try again.",
  back,
}: {
  error: unknown;
  icon: LucideIcon;
  /** "client": "Couldn't load this client". */
  noun: string;
  /** What a 404 or 403 says. */
  missing: { title: string; description?: string };
  /** What any other failure says under its title (null: nothing). */
  failedDescription?: string | null;
  /** The list: "Back to clients". */
  back: { href: string; label: string };
}) {
  const [, navigate] = useLocation();
  const gone = isApiError(error) && (error.status === 404 || error.status === 403);
  return (
    <Card>
      <EmptyState
        icon={icon}
        title={gone ? missing.title : `Couldn't load this ${noun}`}
        description={gone ? missing.description : (failedDescription ?? undefined)}
        action={
          <Button variant="secondary" onClick={() => navigate(back.href)}>
            {back.label}
          </Button>
        }
      />
    </Card>
  );
}
