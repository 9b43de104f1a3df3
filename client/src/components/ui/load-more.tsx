import { Button } from "./button";

/** The "Load more" footer of a cursor-paginated list. */
export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  shown,
  noun = "items",
}: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  shown: number;
  noun?: string;
}) {
  return (
    <div className="flex items-center justify-between gap-3 border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500">
      <span aria-live="polite">
        Showing {shown} {noun}
        {hasNextPage ? "" : " — that's all"}
      </span>
      {hasNextPage ? (
        <Button variant="secondary" size="sm" loading={isFetchingNextPage} onClick={fetchNextPage}>
          Load more
        </Button>
      ) : null}
    </div>
  );
}
