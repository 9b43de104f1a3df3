import { Download, FolderOpen } from "lucide-react";
import { FileTypeIcon } from "@/components/file-type-icon";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/api-client";
import { formatBytes, formatDate } from "@/lib/format";
import { usePortalFiles } from "../api/get-portal-files";

/** The files the agency shared with this client, each with a download link. */
export function PortalFiles() {
  const files = usePortalFiles();
  const rows = files.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Card>
      <CardBody>
        <h2 className="flex items-center gap-2 font-semibold text-zinc-900">
          <FolderOpen className="size-4 text-brand" aria-hidden />
          Files
        </h2>
        {files.isPending ? (
          <SkeletonRows rows={2} />
        ) : files.isError ? (
          <Alert tone="error" className="mt-3" title="Couldn't load your files">
            {errorMessage(files.error)}
          </Alert>
        ) : rows.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-500">No files shared with you yet. Documents your agency shares will appear here.</p>
        ) : (
          <ul className="mt-3 divide-y divide-zinc-100" data-testid="portal-files">
            {rows.map((f) => (
              <li key={f.id} className="flex items-center justify-between gap-3 py-2.5">
                <div className="flex min-w-0 items-center gap-3">
                  <FileTypeIcon contentType={f.contentType} />
                  <div className="min-w-0">
                    <a href={f.downloadUrl} download={f.fileName} className="block truncate font-medium text-zinc-900 hover:text-brand hover:underline">
                      {f.fileName}
                    </a>
                    <p className="text-xs text-zinc-500">
                      {formatBytes(f.size)} · {formatDate(f.createdAt)}
                    </p>
                  </div>
                </div>
                <Button variant="ghost" size="sm" asChild>
                  <a href={f.downloadUrl} download={f.fileName} aria-label={`Download ${f.fileName}`}>
                    <Download aria-hidden />
                  </a>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
      {rows.length > 0 ? (
        <LoadMore
          hasNextPage={files.hasNextPage}
          isFetchingNextPage={files.isFetchingNextPage}
          fetchNextPage={() => files.fetchNextPage()}
          shown={rows.length}
          noun={rows.length === 1 ? "file" : "files"}
        />
      ) : null}
    </Card>
  );
}
