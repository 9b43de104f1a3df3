import type { AttachmentEntity } from "@shared/contracts/attachments";
import { Paperclip } from "lucide-react";
import { useMemo, useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Alert } from "@/components/ui/alert";
import { errorMessage, isApiError } from "@/lib/api-client";
import { formatBytes } from "@/lib/format";
import { useInfiniteAttachments } from "../api/get-attachments";
import { useUploadAttachment } from "../api/upload-attachment";
import { AttachmentRow } from "./attachment-row";
import { UploadDropzone } from "./upload-dropzone";
import { type UploadItem, UploadProgressList } from "./upload-progress-list";

export interface AttachmentsPanelProps {
  /** Kind of record: "client", "lead" or "deal". */
  entityType: AttachmentEntity;
  /** The record's id. */
  entityId: string;
  /** Show the upload zone and delete buttons (the server still checks each file's abilities). */
  canWrite: boolean;
  /** Show the "Shared with client" switch; only client records can share, so it is ignored elsewhere. */
  canShare: boolean;
}

/** Why an upload failed, in words a person can act on (413 and 415 name the rule). */
export function uploadErrorMessage(error: unknown, name: string): string {
  if (isApiError(error, "file_too_large")) {
    const max = typeof error.details?.maxBytes === "number" ? ` The limit is ${formatBytes(error.details.maxBytes)}.` : "";
    return `“${name}” is too large.${max}`;
  }
  if (isApiError(error, "unsupported_file_type")) {
    return `“${name}” isn't a kind of file we accept. Upload a PDF, an image (PNG, JPEG, GIF, WebP), a Word, Excel or PowerPoint file, text/CSV or a ZIP.`;
  }
  // Any other refusal (an empty file, a bad form field): still say which file it was.
  if (isApiError(error, "validation_failed")) {
    const detail = error.details?.issues?.[0]?.message ?? error.message;
    return `“${name}”: ${detail.replace(/\.?$/, ".")}`;
  }
  return errorMessage(error);
}

/**
 * The files of a client, lead or deal: drag-and-drop or pick files (several at once, each with its
 * own progress bar), then a newest-first list with download, the portal-sharing switch (clients
 * only) and delete with confirmation.
 */
export function AttachmentsPanel({ entityType, entityId, canWrite, canShare }: AttachmentsPanelProps) {
  const target = useMemo(() => ({ entityType, entityId }), [entityType, entityId]);
  const files = useInfiniteAttachments(target);
  const upload = useUploadAttachment(target);
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const rows = files.data?.pages.flatMap((p) => p.data) ?? [];
  const showSharing = entityType === "client";

  const patch = (id: string, change: Partial<UploadItem>) => setUploads((list) => list.map((u) => (u.id === id ? { ...u, ...change } : u)));
  const start = (chosen: File[]) => {
    for (const file of chosen) {
      const id = crypto.randomUUID();
      setUploads((list) => [...list, { id, name: file.name, size: file.size, progress: 0 }]);
      upload(file, { onProgress: (progress) => patch(id, { progress }) }).then(
        () => setUploads((list) => list.filter((u) => u.id !== id)),
        (error: unknown) => patch(id, { error: uploadErrorMessage(error, file.name) }),
      );
    }
  };

  return (
    <Card>
      <CardHeader
        title="Files"
        description={
          showSharing && canShare
            ? "Documents for this client. Switch on “Shared with client” to show a file in their portal."
            : showSharing
              ? "Documents for this client. Files marked “Shared with client” show in their portal."
              : "Documents attached to this record."
        }
      />
      {canWrite ? (
        <CardBody className="space-y-3">
          <UploadDropzone onFiles={start} />
          <UploadProgressList items={uploads} onDismiss={(id) => setUploads((list) => list.filter((u) => u.id !== id))} />
        </CardBody>
      ) : null}
      {files.isPending ? (
        <SkeletonRows rows={3} />
      ) : files.isError ? (
        <CardBody>
          <Alert tone="error" title="Couldn't load the files">
            {errorMessage(files.error)}
          </Alert>
        </CardBody>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={Paperclip}
          title="No files yet"
          description={canWrite ? "Drop a file above or choose one to upload it." : "Nobody has uploaded a file here yet."}
        />
      ) : (
        <>
          <ul className="divide-y divide-zinc-100 border-t border-zinc-100" aria-label="Files" data-testid="attachments-list">
            {rows.map((f) => (
              <AttachmentRow key={f.id} file={f} showSharing={showSharing} canShare={canShare} canDelete={canWrite} />
            ))}
          </ul>
          <LoadMore
            hasNextPage={files.hasNextPage}
            isFetchingNextPage={files.isFetchingNextPage}
            fetchNextPage={() => files.fetchNextPage()}
            shown={rows.length}
            noun={rows.length === 1 ? "file" : "files"}
          />
        </>
      )}
    </Card>
  );
}
