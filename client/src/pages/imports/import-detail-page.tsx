import { Play, Plus, X } from "lucide-react";
import { useState } from "react";
import { Link, useParams } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SkeletonRows } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { isChecking, isInFlight, useImport } from "@/features/imports/api/get-import";
import { useCancelImport, useStartImport } from "@/features/imports/api/import-actions";
import { DryRunProgress, DryRunResults } from "@/features/imports/components/dry-run-results";
import { ENTITY_LABELS, ImportStatusBadge, count } from "@/features/imports/components/import-labels";
import { ImportCounts, ImportProgressBar } from "@/features/imports/components/import-progress";
import { errorMessage, isApiError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";

/** /imports/:id — live progress while the job runs, then the summary and the rejected-rows report. */
export function ImportDetailPage() {
  const { id = "" } = useParams<{ id: string }>();
  const imp = useImport(id);
  const cancel = useCancelImport();
  const start = useStartImport();
  const [confirming, setConfirming] = useState(false);
  if (imp.isPending) return <SkeletonRows rows={4} />;
  if (imp.isError) {
    return <Alert tone="error">{isApiError(imp.error, "not_found") ? "This import does not exist, or it is not yours to see." : errorMessage(imp.error)}</Alert>;
  }
  const d = imp.data;
  const running = isInFlight(d);
  const open = d.status === "uploaded" || d.status === "checking" || d.status === "dry_run";
  return (
    <>
      <PageHeader
        title={d.fileName}
        documentTitle={`Import ${d.fileName}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ImportStatusBadge status={d.status} />
            {ENTITY_LABELS[d.entityType].many} · {count(d.counts.total)} rows · by {d.createdBy?.name ?? "—"} · {formatDateTime(d.startedAt ?? d.createdAt)}
          </span>
        }
        back={{ href: paths.imports.href(), label: "Imports" }}
        actions={
          <>
            {d.abilities.cancel ? (
              <Button variant="secondary" onClick={() => setConfirming(true)}>
                <X aria-hidden />
                Cancel import
              </Button>
            ) : null}
            <Button variant="secondary" asChild>
              <Link href={paths.importNew.href(d.entityType)}>
                <Plus aria-hidden />
                New import
              </Link>
            </Button>
          </>
        }
      />
      <div className="space-y-6">
        {isChecking(d) ? (
          <Card>
            <CardHeader title="Checking every row…" description="Each row is validated and compared with your records. Nothing is written." />
            <CardBody>
              <DryRunProgress imp={d} />
            </CardBody>
          </Card>
        ) : null}
        {d.status === "dry_run" && d.dryRun ? (
          <Card>
            <CardHeader title="Dry run" description="Every row was validated and compared with your records. Nothing has been written yet." />
            <CardBody className="space-y-4">
              <DryRunResults result={d.dryRun} />
              {start.error ? <Alert tone="error">{errorMessage(start.error)}</Alert> : null}
              {d.abilities.start ? (
                <Button loading={start.isPending} disabled={d.dryRun.valid === 0} onClick={() => start.mutate(d.id)}>
                  <Play aria-hidden />
                  Start import
                </Button>
              ) : null}
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader
            title={running ? "Importing…" : d.status === "completed" ? "Import finished" : open ? "Not started" : d.status === "failed" ? "Import failed" : "Import cancelled"}
            description={running ? "You can leave this page: the import carries on in the background." : undefined}
          />
          <CardBody className="space-y-5">
            {running || d.status === "completed" || d.counts.processed > 0 ? <ImportProgressBar imp={d} /> : null}
            {d.status === "failed" && d.error ? <Alert tone="error">{d.error}</Alert> : null}
            {d.status === "uploaded" && d.error ? <Alert tone="error">{d.error}</Alert> : null}
            {open ? (
              <Alert tone="info">
                This import has not started. An upload nobody starts is deleted a day after it was last changed{d.status === "uploaded" ? "; start a new import to map and check a file" : ""}.
              </Alert>
            ) : null}
            <ImportCounts imp={d} />
            {d.status === "completed" ? (
              <Alert tone="success">
                {count(d.counts.created)} created, {count(d.counts.updated)} updated, {count(d.counts.skipped)} skipped as duplicates, {count(d.counts.rejected)} rejected.
              </Alert>
            ) : null}
          </CardBody>
        </Card>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Cancel this import?"
        description="Rows already imported stay; the rest of the file is not imported."
        confirmLabel="Cancel import"
        pending={cancel.isPending}
        onConfirm={() => cancel.mutate(d.id, { onSettled: () => setConfirming(false) })}
      />
    </>
  );
}
