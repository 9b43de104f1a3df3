import { FileInput } from "lucide-react";
import { useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/input";
import { LoadMore } from "@/components/ui/load-more";
import { SearchField } from "@/components/ui/search-field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useInfiniteForms } from "@/features/forms/api/get-forms";
import { CreateFormDialog } from "@/features/forms/components/create-form-dialog";
import { FormsTable } from "@/features/forms/components/forms-table";
import { errorMessage } from "@/lib/api-client";
import { useDebouncedValue } from "@/lib/use-debounced-value";

/** /forms — the workspace's web-to-lead forms. */
export function FormsPage() {
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<"" | "live" | "off">("");
  const [sort, setSort] = useState<"createdAt" | "name" | "submissions">("createdAt");
  const search = useDebouncedValue(q.trim());
  const list = useInfiniteForms({ q: search || undefined, status: status || undefined, sort });
  const filtered = Boolean(search || status);
  const forms = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader title="Forms" description="Web-to-lead forms: each has a hosted page and an embed for your clients' sites." actions={<CreateFormDialog />} />
      <Card className="min-w-0">
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-4 py-3">
          <SearchField value={q} onChange={setQ} label="Search forms" placeholder="Search forms by name" />
          <NativeSelect aria-label="Status" className="w-auto" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="">All statuses</option>
            <option value="live">Live</option>
            <option value="off">Switched off</option>
          </NativeSelect>
          <NativeSelect aria-label="Sort by" className="w-auto" value={sort} onChange={(e) => setSort(e.target.value as typeof sort)}>
            <option value="createdAt">Newest first</option>
            <option value="name">Name A–Z</option>
            <option value="submissions">Most submissions</option>
          </NativeSelect>
        </div>
        {list.isPending ? (
          <SkeletonRows rows={4} className="p-4" />
        ) : list.isError ? (
          <div className="p-4">
            <Alert tone="error">{errorMessage(list.error)}</Alert>
          </div>
        ) : forms.length === 0 ? (
          <EmptyState
            icon={FileInput}
            title={filtered ? "No forms match" : "No forms yet"}
            description={filtered ? "Try another name or status." : "Create a form, then share its link or embed it on a site. Submissions arrive as leads."}
            action={filtered ? undefined : <CreateFormDialog />}
          />
        ) : (
          <>
            <div className="overflow-x-auto">
              <FormsTable forms={forms} />
            </div>
            <LoadMore hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={() => list.fetchNextPage()} shown={forms.length} noun="forms" />
          </>
        )}
      </Card>
    </>
  );
}
