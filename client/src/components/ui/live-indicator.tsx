import { useEffect, useState } from "react";
import { cn } from "@/lib/cn";

/** "Live · updated 3s ago": shows that a page refreshes itself. */
export function LiveIndicator({ updatedAt, fetching, every }: { updatedAt: number; fetching: boolean; every: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const ago = updatedAt ? Math.max(0, Math.round((now - updatedAt) / 1000)) : null;
  return (
    <span className="inline-flex items-center gap-2 rounded-full border border-zinc-200 bg-white px-3 py-1 text-xs text-zinc-600" title={`Refreshes ${every}`}>
      <span className={cn("size-2 rounded-full bg-emerald-500", fetching && "animate-pulse")} aria-hidden />
      Live{ago === null ? "" : ` · updated ${ago}s ago`}
    </span>
  );
}
