import { QueryErrorResetBoundary } from "@tanstack/react-query";
import { CircleAlert } from "lucide-react";
import { Component, type ReactNode } from "react";
import { Link } from "wouter";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api-client";

interface BoundaryProps {
  children: ReactNode;
  onReset: () => void;
}

interface BoundaryState {
  error: unknown;
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  reset = () => {
    this.props.onReset();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <ErrorPanel error={error} onRetry={this.reset} />;
  }
}

/** What a page shows instead of itself when it threw: a message and "Try again". */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const api = error instanceof ApiError ? error : null;
  const title =
    api?.status === 404 ? "Not found" : api?.status === 403 ? "You don't have access" : api?.status === 0 ? "You're offline" : "Something went wrong";
  const message = api ? api.message : "An unexpected error stopped this page from loading.";
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center shadow-xs">
      <div className="mb-3 flex size-11 items-center justify-center rounded-full bg-red-50 text-red-600">
        <CircleAlert className="size-5" aria-hidden />
      </div>
      <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
      <p className="mt-1 text-sm text-zinc-500">{message}</p>
      {api?.requestId ? <p className="mt-2 font-mono text-xs text-zinc-400">Reference: {api.requestId}</p> : null}
      <div className="mt-5 flex gap-2">
        <Button onClick={onRetry}>Try again</Button>
        <Button variant="secondary" asChild>
          <Link href="/">Go home</Link>
        </Button>
      </div>
    </div>
  );
}

/** Catches render and query errors of one route; "Try again" refetches failed queries. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>{({ reset }) => <Boundary onReset={reset}>{children}</Boundary>}</QueryErrorResetBoundary>
  );
}
