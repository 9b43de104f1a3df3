import { IMPORT_ENTITIES, IMPORT_STATUSES, type ImportEntity, type ImportStatus } from "@shared/contracts/imports";
import { Plus, Upload } from "lucide-react";
import { Link } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/input";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { useInfiniteImports } from "@/features/imports/api/get-imports";
import { ENTITY_LABELS } from "@/features/imports/components/import-labels";
import { ImportsTable } from "@/features/imports/components/imports-table";
import { errorMessage } from "@/lib/api-client";
import { useUrlFilters } from "@/lib/url-filters";

const FILTER_KEYS = ["entityType", "status"] as const;
const STATUS_LABELS: Record<ImportStatus, string> = {
  uploaded: "Uploaded",
  checking: "Checking",
  dry_run: "Checked",
  queued: "Queued",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** /imports — the history of CSV imports, newest first. */
export function ImportsPage() {
  const { values, setFilters, clear, active } = useUrlFilters(FILTER_KEYS);
  const entityType = (IMPORT_ENTITIES as readonly string[]).includes(values.entityType) ? (values.entityType as ImportEntity) : undefined;
  const status = (IMPORT_STATUSES as readonly string[]).includes(values.status) ? (values.status as ImportStatus) : undefined;
  const list = useInfiniteImports({ entityType, status });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const newButton = (
    <Button asChild>
      <Link href={paths.importNew.href()}>
        <Plus aria-hidden />
        New import
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader title="Imports" description="Bring clients, contacts and leads in from CSV files, and see how earlier imports went." actions={newButton} />
      <Card className="min-w-0">
        <div className="flex flex-wrap items-end gap-3 border-b border-zinc-100 px-4 py-3">
          <label htmlFor="imports-type" className="text-xs text-zinc-500">
            Type
            <NativeSelect id="imports-type" className="mt-1 w-40" value={values.entityType} onChange={(e) => setFilters({ entityType: e.target.value })}>
              <option value="">All types</option>
              {IMPORT_ENTITIES.map((e) => (
                <option key={e} value={e}>
                  {ENTITY_LABELS[e].many}
                </option>
              ))}
            </NativeSelect>
          </label>
          <label htmlFor="imports-status" className="text-xs text-zinc-500">
            Status
            <NativeSelect id="imports-status" className="mt-1 w-40" value={values.status} onChange={(e) => setFilters({ status: e.target.value })}>
              <option value="">Any status</option>
              {IMPORT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </NativeSelect>
          </label>
          {active ? (
            <Button variant="ghost" size="sm" onClick={clear}>
              Clear filters
            </Button>
          ) : null}
        </div>
        {list.isPending ? (
          <SkeletonRows rows={5} />
        ) : list.isError ? (
          <Alert tone="error" className="m-4">
            {errorMessage(list.error)}
          </Alert>
        ) : rows.length === 0 ? (
          active ? (
            <EmptyState icon={Upload} title="No imports match these filters" action={<Button variant="secondary" onClick={clear}>Clear filters</Button>} />
          ) : (
            <EmptyState icon={Upload} title="No imports yet" description="Upload a CSV of clients, contacts or leads: you map its columns, check every row, then import." action={newButton} />
          )
        ) : (
          <>
            <ImportsTable rows={rows} />
            <LoadMore hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={() => list.fetchNextPage()} shown={rows.length} noun={rows.length === 1 ? "import" : "imports"} />
          </>
        )}
      </Card>
    </>
  );
}
