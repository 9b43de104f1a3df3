import { RefreshCw } from "lucide-react";
import { useEffect, useRef } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/api-client";
import { useQueryClient } from "@tanstack/react-query";
import { duplicatesKeys } from "../api/duplicates-keys";
import { useRescan } from "../api/get-rescan";
import { useStartRescan } from "../api/start-rescan";

const count = (n: number) => n.toLocaleString();

/** Admin "Rescan": rebuilds every pair in the background, with a progress bar while it runs. */
export function RescanPanel() {
  const scan = useRescan(true);
  const start = useStartRescan();
  const queryClient = useQueryClient();
  const current = scan.data?.data ?? null;
  const running = !!current && current.status !== "done";
  const wasRunning = useRef(false);

  // When a rescan finishes, the lists show the rebuilt pairs.
  useEffect(() => {
    if (wasRunning.current && !running) {
      void queryClient.invalidateQueries({ queryKey: duplicatesKeys.lists() });
      toast.success("Rescan finished.");
    }
    wasRunning.current = running;
  }, [running, queryClient]);

  const pct = current?.total ? Math.min(100, Math.round((current.processed / current.total) * 100)) : 0;
  return (
    <div className="flex min-w-56 flex-col items-end gap-2">
      <Button
        variant="secondary"
        loading={start.isPending}
        disabled={running}
        onClick={() => start.mutate(undefined, { onError: (err) => toast.error(errorMessage(err)) })}
      >
        <RefreshCw aria-hidden />
        Rescan
      </Button>
      {running ? (
        <div className="w-56">
          <p className="mb-1 text-xs text-zinc-600" aria-live="polite">
            {current.status === "running" ? `Rescanning: ${count(current.processed)} of ${count(current.total)} records` : "Rescan queued…"}
          </p>
          <div role="progressbar" aria-label="Rescan progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2 w-full overflow-hidden rounded-full bg-zinc-100">
            <div className="h-full rounded-full bg-brand transition-[width] duration-500" style={{ width: `${pct}%` }} />
          </div>
        </div>
      ) : current?.finishedAt ? (
        <p className="text-xs text-zinc-500">Last rescan {new Date(current.finishedAt).toLocaleString()}</p>
      ) : null}
    </div>
  );
}
