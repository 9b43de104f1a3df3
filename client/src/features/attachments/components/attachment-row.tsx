import type { AttachmentDto } from "@shared/contracts/attachments";
import { Download, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { FileTypeIcon } from "@/components/file-type-icon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Switch } from "@/components/ui/switch";
import { errorMessage } from "@/lib/api-client";
import { formatBytes, formatDateTime } from "@/lib/format";
import { useDeleteAttachment } from "../api/delete-attachment";
import { useUpdateAttachment } from "../api/update-attachment";

/** One file: icon, name (downloads it), size, uploader and date, the portal-sharing switch and delete. */
export function AttachmentRow({ file, showSharing, canShare, canDelete }: { file: AttachmentDto; showSharing: boolean; canShare: boolean; canDelete: boolean }) {
  const switchId = useId();
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateAttachment();
  const remove = useDeleteAttachment();
  const shareAllowed = canShare && file.abilities.share;
  const deleteAllowed = canDelete && file.abilities.delete;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-5 py-3" data-testid="attachment-row">
      <div className="flex min-w-0 items-center gap-3">
        <FileTypeIcon contentType={file.contentType} />
        <div className="min-w-0">
          <a href={file.downloadUrl} download={file.fileName} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
            {file.fileName}
          </a>
          <p className="mt-0.5 truncate text-xs text-zinc-500">
            {[formatBytes(file.size), file.uploadedBy?.name ?? "Former team member", formatDateTime(file.createdAt)].join(" · ")}
          </p>
        </div>
      </div>
      <div className="flex items-center gap-2">
        {showSharing && shareAllowed ? (
          <span className="flex items-center gap-2 text-xs text-zinc-600">
            <Switch
              id={switchId}
              checked={file.sharedWithClient}
              disabled={update.isPending}
              onCheckedChange={(next) =>
                update.mutate(
                  { id: file.id, sharedWithClient: next },
                  {
                    onSuccess: () => toast.success(next ? `${file.fileName} is now in the client's portal` : `${file.fileName} is no longer shared`),
                    onError: (e) => toast.error(errorMessage(e)),
                  },
                )
              }
            />
            <label htmlFor={switchId}>Shared with client</label>
          </span>
        ) : showSharing && file.sharedWithClient ? (
          <Badge>Shared with client</Badge>
        ) : null}
        <Button variant="ghost" size="sm" asChild>
          <a href={file.downloadUrl} download={file.fileName} aria-label={`Download ${file.fileName}`}>
            <Download aria-hidden />
          </a>
        </Button>
        {deleteAllowed ? (
          <Button variant="ghost" size="sm" className="text-red-600 hover:bg-red-50 hover:text-red-700" onClick={() => setConfirming(true)} aria-label={`Delete ${file.fileName}`}>
            <Trash2 aria-hidden />
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete ${file.fileName}?`}
        description={<p>The file is removed for everyone{file.sharedWithClient ? ", including the client's portal" : ""}. This can't be undone.</p>}
        confirmLabel="Delete file"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(file.id, {
            onSuccess: () => {
              setConfirming(false);
              toast.success(`${file.fileName} deleted`);
            },
            onError: (e) => toast.error(errorMessage(e)),
          })
        }
      />
    </li>
  );
}
