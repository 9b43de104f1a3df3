import { Compass } from "lucide-react";
import { Link } from "wouter";
import { Button } from "@/components/ui/button";

/** Any path no route matches. */
export function NotFoundPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-6 py-16 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-brand-soft text-brand">
        <Compass className="size-6" aria-hidden />
      </div>
      <p className="text-sm font-semibold text-brand">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-zinc-900">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-500">The page you're looking for doesn't exist or has moved.</p>
      <Button className="mt-6" asChild>
        <Link href="/">Go to the start page</Link>
      </Button>
    </div>
  );
}
