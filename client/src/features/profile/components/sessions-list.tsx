import type { SessionDto } from "@shared/contracts/auth";
import { Monitor, Smartphone } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/api-client";
import { describeUserAgent, formatDateTime, formatRelative } from "@/lib/format";
import { useRevokeSession } from "../api/revoke-session";
import { useSessions } from "../api/get-sessions";

/** The user's signed-in devices; any but the current one can be signed out. */
export function SessionsList() {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const [target, setTarget] = useState<SessionDto | null>(null);

  const confirmRevoke = () => {
    if (!target) return;
    revoke.mutate(target.id, {
      onSuccess: () => {
        toast.success("That session has been signed out.");
        setTarget(null);
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  };

  const list = [...(sessions.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current) || b.createdAt.localeCompare(a.createdAt));

  return (
    <Card>
      <CardHeader title="Active sessions" description="Devices signed in to your account." />
      {sessions.isPending ? (
        <SkeletonRows rows={2} />
      ) : (
        <ul className="divide-y divide-zinc-100" data-testid="sessions-list">
          {list.map((s) => {
            const Icon = /Mobile|Android|iPhone/.test(s.userAgent ?? "") ? Smartphone : Monitor;
            return (
              <li key={s.id} className="flex items-center gap-3 px-5 py-3.5">
                <Icon className="size-5 shrink-0 text-zinc-400" aria-hidden />
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-zinc-900">
                    {describeUserAgent(s.userAgent)}
                    {s.current ? <Badge tone="success">This device</Badge> : null}
                  </p>
                  <p className="truncate text-xs text-zinc-500" title={`Signed in ${formatDateTime(s.createdAt)}`}>
                    {s.ip ? `${s.ip} · ` : ""}signed in {formatRelative(s.createdAt)} · expires {formatRelative(s.expiresAt)}
                  </p>
                </div>
                {s.current ? null : (
                  <Button variant="secondary" size="sm" onClick={() => setTarget(s)}>
                    Revoke
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={!!target}
        onOpenChange={(open) => !open && setTarget(null)}
        title="Sign out this session?"
        description={target ? `${describeUserAgent(target.userAgent)}${target.ip ? ` (${target.ip})` : ""} will need to sign in again.` : ""}
        confirmLabel="Revoke session"
        pending={revoke.isPending}
        onConfirm={confirmRevoke}
      />
    </Card>
  );
}
