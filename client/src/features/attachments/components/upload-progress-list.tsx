import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/format";

/** One upload on its way (or failed). */
export interface UploadItem {
  id: string;
  name: string;
  size: number;
  /** 0–1 while sending. */
  progress: number;
  error?: string;
}

/** Progress bars of running uploads and the reasons of failed ones, each dismissable once it failed. */
export function UploadProgressList({ items, onDismiss }: { items: UploadItem[]; onDismiss: (id: string) => void }) {
  if (!items.length) return null;
  return (
    <ul className="space-y-2" aria-label="Uploads">
      {items.map((u) => (
        <li key={u.id} className={u.error ? "rounded-lg border border-red-200 bg-red-50 px-3 py-2" : "rounded-lg border border-zinc-200 px-3 py-2"}>
          <div className="flex items-center justify-between gap-2 text-sm">
            <span className="min-w-0 truncate font-medium text-zinc-800">{u.name}</span>
            <span className="flex shrink-0 items-center gap-1 text-xs text-zinc-500">
              {formatBytes(u.size)}
              {u.error ? (
                <Button variant="ghost" size="sm" aria-label={`Dismiss ${u.name}`} onClick={() => onDismiss(u.id)}>
                  <X aria-hidden />
                </Button>
              ) : null}
            </span>
          </div>
          {u.error ? (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {u.error}
            </p>
          ) : (
            <div
              className="mt-2 h-1.5 overflow-hidden rounded-full bg-zinc-100"
              role="progressbar"
              aria-label={`Uploading ${u.name}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(u.progress * 100)}
            >
              <div className="h-full rounded-full bg-brand transition-[width]" style={{ width: `${Math.round(u.progress * 100)}%` }} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
