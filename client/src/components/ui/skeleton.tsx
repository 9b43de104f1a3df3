import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A grey placeholder block while content loads. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden className={cn("animate-pulse rounded-md bg-zinc-200/70", className)} {...props} />;
}

/** Placeholder rows for a table or list. */
export function SkeletonRows({ rows = 5, className }: { rows?: number; className?: string }) {
  return (
    <div className={cn("space-y-3 p-5", className)} role="status" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => i).map((i) => (
        <div key={`row-${i}`} className="flex items-center gap-4">
          <Skeleton className="size-8 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-3 w-1/3" />
            <Skeleton className="h-3 w-1/2" />
          </div>
          <Skeleton className="hidden h-5 w-16 sm:block" />
        </div>
      ))}
    </div>
  );
}

/** Placeholder for a whole page while its code loads. */
export function PageSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading page">
      <div className="space-y-2">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-4 w-72" />
      </div>
      <div className="rounded-xl border border-zinc-200 bg-white">
        <SkeletonRows rows={6} />
      </div>
    </div>
  );
}
