import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "wouter";
import { Skeleton } from "./skeleton";

/** A number with a caption, optionally linking to the list behind it. */
export function StatCard({
  label,
  value,
  hint,
  icon: Icon,
  href,
  loading,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  icon: LucideIcon;
  href?: string;
  loading?: boolean;
}) {
  const body = (
    <div className="flex items-start justify-between gap-3">
      <div className="min-w-0">
        <p className="text-sm text-zinc-500">{label}</p>
        {loading ? <Skeleton className="mt-2 h-7 w-16" /> : <p className="mt-1 text-2xl font-semibold tracking-tight text-zinc-900">{value}</p>}
        {hint ? <p className="mt-1 text-xs text-zinc-500">{hint}</p> : null}
      </div>
      <div className="flex size-9 items-center justify-center rounded-lg bg-brand-soft text-brand">
        <Icon className="size-4" aria-hidden />
      </div>
    </div>
  );
  const box = "block rounded-xl border border-zinc-200 bg-white p-5 shadow-xs";
  return href ? (
    <Link href={href} className={`${box} transition-colors hover:border-zinc-300 hover:bg-zinc-50/50`}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  );
}
