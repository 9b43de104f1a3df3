import { Lock } from "lucide-react";
import { Link } from "wouter";
import { Button } from "@/components/ui/button";

/** Shown on a page the user's role does not allow. */
export function Forbidden() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center shadow-xs">
      <div className="mb-3 flex size-11 items-center justify-center rounded-full bg-zinc-100 text-zinc-500">
        <Lock className="size-5" aria-hidden />
      </div>
      <h1 className="text-base font-semibold text-zinc-900">You don't have access to this page</h1>
      <p className="mt-1 text-sm text-zinc-500">Ask a workspace admin to give your role the permission it needs.</p>
      <Button className="mt-5" variant="secondary" asChild>
        <Link href="/">Back to dashboard</Link>
      </Button>
    </div>
  );
}
