import type { SavedViewDto, SavedViewEntity, SavedViewQuery } from "@shared/contracts/saved-views";
import { Bookmark, BookmarkPlus, MoreHorizontal, Pencil, Save, Trash2, Users } from "lucide-react";
import { type ReactNode, useMemo, useState } from "react";
import { toast } from "sonner";
import { useSearchParams } from "wouter";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { errorMessage } from "@/lib/api-client";
import { useCurrentUser } from "@/lib/auth";
import { cn } from "@/lib/cn";
import { useCreateSavedView } from "../api/create-saved-view";
import { useDeleteSavedView } from "../api/delete-saved-view";
import { useSavedViews } from "../api/get-saved-views";
import { useUpdateSavedView } from "../api/update-saved-view";
import { SaveViewDialog } from "./save-view-dialog";

/** The list's state as a view stores it: the given URL keys, empty values dropped, repeated keys as arrays. */
export function queryFromParams(params: URLSearchParams, keys: readonly string[]): SavedViewQuery {
  const out: SavedViewQuery = {};
  for (const key of keys) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length === 1) out[key] = values[0]!;
    else if (values.length > 1) out[key] = values;
  }
  return out;
}

/** A stable string for comparing queries (key order and array/string form do not matter). */
function canonical(query: SavedViewQuery): string {
  return JSON.stringify(
    Object.entries(query)
      .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : [v]] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

function toParams(query: SavedViewQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const value of Array.isArray(v) ? v : [v]) params.append(k, value);
  return params;
}

export interface SavedViewsBarProps {
  /** The list the views belong to. */
  entityType: SavedViewEntity;
  /** Plural noun for the "All …" tab, e.g. "clients". */
  noun: string;
  /** URL query keys that make up the list's state (filters, q, sort, order, cf, …); others are left alone. */
  queryKeys: readonly string[];
  /** The list's visible column ids, in order (saved with a view); omit when the list has no column chooser. */
  columns?: readonly string[];
  /** Shows a view's columns (called only for views that saved columns). */
  onApplyColumns?: (columns: string[]) => void;
}

/**
 * Saved views of a list as a row of tabs: "All", the user's personal views, then shared ones.
 * Applying a view puts its query in the URL (so the list's own fetch and visibility rule apply) and
 * its columns in the table; "Save view" stores the current URL query and columns.
 *
 * Dropping it onto a list page (the list keeps its state in the URL, e.g. with useUrlFilters):
 *
 *   const FILTER_KEYS = ["q", "status", "ownerId", "cf", "sort", "order"] as const;
 *   const layout = useColumnLayout("agency-os.columns.leads", LEAD_COLUMNS); // optional
 *   <SavedViewsBar entityType="lead" noun="leads" queryKeys={FILTER_KEYS}
 *     columns={layout.visibleIds} onApplyColumns={layout.apply} />
 */
export function SavedViewsBar({ entityType, noun, queryKeys, columns, onApplyColumns }: SavedViewsBarProps) {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const views = useSavedViews(entityType);
  const create = useCreateSavedView();
  const update = useUpdateSavedView();
  const remove = useDeleteSavedView();
  const [saving, setSaving] = useState(false);
  const [renaming, setRenaming] = useState<SavedViewDto | null>(null);
  const [deleting, setDeleting] = useState<SavedViewDto | null>(null);

  const current = useMemo(() => queryFromParams(params, queryKeys), [params, queryKeys]);
  const currentKey = canonical(current);
  const list = views.data?.data ?? [];
  const active = list.find((v) => canonical(v.query) === currentKey);

  const apply = (query: SavedViewQuery, viewColumns: string[] | null) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const key of queryKeys) next.delete(key);
        for (const [k, v] of toParams(query)) next.append(k, v);
        return next;
      },
      { replace: false },
    );
    if (viewColumns && onApplyColumns) onApplyColumns(viewColumns);
  };

  const tab = (key: string, label: ReactNode, selected: boolean, onClick: () => void, testId?: string, title?: string) => (
    <button
      key={key}
      type="button"
      title={title}
      aria-pressed={selected}
      data-testid={testId}
      onClick={onClick}
      className={cn(
        "inline-flex max-w-56 items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
        selected ? "bg-brand-soft text-brand-strong" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
      )}
    >
      {label}
    </button>
  );

  return (
    <nav aria-label={`Saved views of ${noun}`} className="mb-3 flex flex-wrap items-center gap-1">
      {tab("all", `All ${noun}`, Object.keys(current).length === 0, () => apply({}, null))}
      {list.map((v) => (
        <span key={v.id} className="inline-flex items-center">
          {tab(
            v.id,
            <>
              {v.visibility === "shared" ? <Users className="size-3.5 shrink-0 opacity-70" aria-hidden /> : <Bookmark className="size-3.5 shrink-0 opacity-70" aria-hidden />}
              <span className="truncate">{v.name}</span>
            </>,
            active?.id === v.id,
            () => apply(v.query, v.columns),
            "saved-view",
            v.visibility === "shared" ? `Shared with the workspace${v.owner ? ` by ${v.owner.name}` : ""}` : "Only you see this view",
          )}
          {v.abilities.update || v.abilities.delete ? (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <button type="button" className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700" aria-label={`Actions for view ${v.name}`}>
                  <MoreHorizontal className="size-4" aria-hidden />
                </button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="start">
                {v.abilities.update ? (
                  <>
                    <DropdownMenuItem
                      onSelect={() =>
                        update.mutate(
                          { id: v.id, body: { query: current, columns: columns ? [...columns] : v.columns } },
                          { onSuccess: () => toast.success(`“${v.name}” now saves the current filters and columns.`), onError: (e) => toast.error(errorMessage(e)) },
                        )
                      }
                    >
                      <Save aria-hidden />
                      Save current filters here
                    </DropdownMenuItem>
                    <DropdownMenuItem onSelect={() => setRenaming(v)}>
                      <Pencil aria-hidden />
                      Rename…
                    </DropdownMenuItem>
                  </>
                ) : null}
                {v.abilities.delete ? (
                  <>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem destructive onSelect={() => setDeleting(v)}>
                      <Trash2 aria-hidden />
                      Delete view…
                    </DropdownMenuItem>
                  </>
                ) : null}
              </DropdownMenuContent>
            </DropdownMenu>
          ) : null}
        </span>
      ))}
      <Button variant="ghost" size="sm" className="ml-1" onClick={() => setSaving(true)}>
        <BookmarkPlus aria-hidden />
        Save view
      </Button>

      <SaveViewDialog
        open={saving}
        onOpenChange={setSaving}
        title="Save view"
        submitLabel="Save view"
        initial={SAVE_DEFAULTS}
        onSubmit={async (values) => {
          const view = await create.mutateAsync({ entityType, ...values, query: current, columns: columns ? [...columns] : null });
          toast.success(`Saved “${view.name}”.`);
        }}
      />
      <SaveViewDialog
        open={!!renaming}
        onOpenChange={(open) => !open && setRenaming(null)}
        title="Rename view"
        submitLabel="Save"
        initial={renaming ? { name: renaming.name, visibility: renaming.visibility } : SAVE_DEFAULTS}
        allowVisibility={renaming?.owner?.id === me.user.id}
        onSubmit={async (values) => {
          if (!renaming) return;
          const body = renaming.visibility === values.visibility ? { name: values.name } : values;
          await update.mutateAsync({ id: renaming.id, body });
        }}
      />
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete “${deleting?.name ?? ""}”?`}
        description={deleting?.visibility === "shared" ? "The view disappears for everyone in the workspace. The records stay as they are." : "Only the saved view goes; the records stay as they are."}
        confirmLabel="Delete view"
        pending={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(`Deleted “${deleting.name}”.`);
              setDeleting(null);
            },
            onError: (e) => toast.error(errorMessage(e)),
          })
        }
      />
    </nav>
  );
}

const SAVE_DEFAULTS = { name: "", visibility: "personal" } as const;
