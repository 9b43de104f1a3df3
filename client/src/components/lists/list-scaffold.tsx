import { Download, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ColumnChooser } from "@/components/ui/column-chooser";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import type { ColumnLayoutState } from "@/lib/use-column-layout";

/** The last bulk action's summary above a list, until dismissed. */
export function ListNotice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <Alert tone="info" className="mb-4">
      <span className="flex flex-wrap items-center justify-between gap-2">
        {message}
        <Button variant="link" size="sm" onClick={onDismiss}>
          Dismiss
        </Button>
      </span>
    </Alert>
  );
}

/** The row under a list's filters: the custom-field filter on the left; actions and the column chooser on the right. */
export function ListToolbar({ children, actions, layout }: { children?: ReactNode; actions?: ReactNode; layout: ColumnLayoutState }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 px-4 py-2">
      {children}
      <div className="ml-auto flex items-center gap-2">
        {actions}
        <ColumnChooser columns={layout.ordered} hidden={layout.hidden} onToggle={layout.toggle} onMove={layout.move} onReset={layout.reset} />
      </div>
    </div>
  );
}

/** "Export CSV" of a list with its current filters (a plain download link: the server streams the file). */
export function ExportButton({ href, size }: { href: string; size?: "sm" }) {
  return (
    <Button variant="secondary" size={size} asChild>
      <a href={href} download>
        <Download aria-hidden />
        Export CSV
      </a>
    </Button>
  );
}

/**
 * A list's body: skeleton rows while the first page loads, an error with "Try again", an empty state
 * that says what to do (clear the filters, or the page's own first step), or the table with its
 * "Load more" footer.
 */
export function ListBody({
  query,
  list,
  noun,
  icon,
  filtering,
  onClear,
  empty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; refetch: () => unknown; hasNextPage: boolean; isFetchingNextPage: boolean };
  /** The rows loaded so far and the next page's loader (`useListRows`). */
  list: { rows: readonly unknown[]; onEndReached: () => void };
  /** ["client", "clients"]. */
  noun: readonly [string, string];
  icon: LucideIcon;
  /** Whether any filter or search is applied (the empty state then offers to clear them). */
  filtering: boolean;
  onClear: () => void;
  /** The empty state of an unfiltered list: what to do first. */
  empty: { title: string; description?: ReactNode; action?: ReactNode };
  /** The table. */
  children: ReactNode;
}) {
  const [one, many] = noun;
  const count = list.rows.length;
  if (query.isPending) return <SkeletonRows rows={6} />;
  if (query.isError) {
    return (
      <EmptyState
        icon={icon}
        title={`Couldn't load ${many}`}
        description="Check your connection and try again."
        action={
          <Button variant="secondary" onClick={() => query.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }
  if (count === 0) {
    return filtering ? (
      <EmptyState
        icon={icon}
        title={`No ${many} match these filters`}
        description={`Try a different search, or clear the filters to see every ${one}.`}
        action={
          <Button variant="secondary" onClick={onClear}>
            Clear filters
          </Button>
        }
      />
    ) : (
      <EmptyState icon={icon} {...empty} />
    );
  }
  return (
    <>
      {children}
      <LoadMore hasNextPage={query.hasNextPage} isFetchingNextPage={query.isFetchingNextPage} fetchNextPage={list.onEndReached} shown={count} noun={count === 1 ? one : many} />
    </>
  );
}
