import { pipelineScopeOf } from "@shared/constants/roles";
import type { PipelineDto } from "@shared/contracts/pipelines";
import { Settings2 } from "lucide-react";
import { useEffect } from "react";
import { Link, useLocation } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/input";
import { PageSkeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { paths } from "@/config/paths";
import { CreateDealDialog } from "@/features/deals/components/create-deal-dialog";
import { DealsBoard } from "@/features/deals/components/deals-board";
import { DealsFilters } from "@/features/deals/components/deals-filters";
import { DealsForecast } from "@/features/deals/components/deals-forecast";
import { usePipelines } from "@/features/pipelines/api/get-pipelines";
import { errorMessage } from "@/lib/api-client";
import { hasPermission, useCurrentUser } from "@/lib/auth";
import { useUrlFilters } from "@/lib/url-filters";
import { DealCustomFieldsProvider } from "./deal-custom-fields";
import { DealsList } from "./deals-list";
import { useDealOwners } from "./use-deal-owners";

const VIEWS = ["board", "list", "forecast"] as const;
type View = (typeof VIEWS)[number];
const KEYS = ["view", "pipelineId", "q", "ownerId", "tag"] as const;

/** /deals — Board | List | Forecast of one pipeline (picked at the top). */
export function DealsPage() {
  return (
    <DealCustomFieldsProvider>
      <DealsPageBody />
    </DealCustomFieldsProvider>
  );
}

function DealsPageBody() {
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const pipelines = usePipelines();
  const { values, setFilters } = useUrlFilters(KEYS);
  const { members } = useDealOwners();
  // People who reach only their own deals get no owner filter: every other choice would be empty.
  const ownOnly = pipelineScopeOf(me.user.role, me.workspace.staffPipelineScope) === "own";
  const view: View = (VIEWS as readonly string[]).includes(values.view) ? (values.view as View) : "board";
  const list = pipelines.data?.data ?? [];
  const pipeline: PipelineDto | undefined = list.find((p) => p.id === values.pipelineId) ?? list[0];

  // Keep the chosen pipeline in the URL so reloads and shared links show the same board.
  useEffect(() => {
    if (pipeline && values.pipelineId !== pipeline.id) setFilters({ pipelineId: pipeline.id });
  }, [pipeline, values.pipelineId, setFilters]);

  if (pipelines.isPending) return <PageSkeleton />;
  if (pipelines.isError) return <Alert tone="error">{errorMessage(pipelines.error)}</Alert>;
  const canWrite = hasPermission(me, "deals.write");
  const boardFilters = { q: values.q || undefined, ownerId: values.ownerId || undefined, tag: values.tag || undefined };

  return (
    <>
      <PageHeader
        title="Deals"
        description="Every opportunity, where it stands and what it's worth."
        actions={
          <>
            {hasPermission(me, "pipelines.manage") ? (
              <Button variant="ghost" asChild>
                <Link href={paths.pipelinesSettings.href()}>
                  <Settings2 aria-hidden />
                  Pipelines
                </Link>
              </Button>
            ) : null}
            {canWrite ? (
              <CreateDealDialog
                pipelineId={pipeline?.id}
                stages={pipeline?.stages ?? []}
                members={members}
                canPickLead={hasPermission(me, "leads.read")}
                onCreated={(id) => navigate(paths.deal.href(id))}
              />
            ) : null}
          </>
        }
      />
      <Tabs value={view} onValueChange={(next) => setFilters({ view: next === "board" ? "" : next })}>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <TabsList aria-label="Deal views">
            <TabsTrigger value="board">Board</TabsTrigger>
            <TabsTrigger value="list">List</TabsTrigger>
            <TabsTrigger value="forecast">Forecast</TabsTrigger>
          </TabsList>
          <label htmlFor="deals-pipeline" className="flex items-center gap-2 text-sm text-zinc-700">
            Pipeline
            <NativeSelect id="deals-pipeline" value={pipeline?.id ?? ""} onChange={(e) => setFilters({ pipelineId: e.target.value })} className="w-56">
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </NativeSelect>
          </label>
        </div>
        <TabsContent value="board">
          <Card className="mb-4 min-w-0">
            <DealsFilters
              board
              values={{ q: values.q, ownerId: values.ownerId, tag: values.tag, stageId: "", status: "", rotting: "" }}
              onChange={setFilters}
              onClear={() => setFilters({ q: "", ownerId: "", tag: "" })}
              active={!!(values.q || values.ownerId || values.tag)}
              members={members}
              ownerFilter={!ownOnly}
              stages={pipeline?.stages ?? []}
            />
          </Card>
          {pipeline ? <DealsBoard pipelineId={pipeline.id} filters={boardFilters} canMove={canWrite} /> : null}
        </TabsContent>
        <TabsContent value="list">{pipeline ? <DealsList pipeline={pipeline} members={members} ownOnly={ownOnly} /> : null}</TabsContent>
        <TabsContent value="forecast">
          <Card className="min-w-0">
            <DealsForecast pipelineId={pipeline?.id} />
          </Card>
        </TabsContent>
      </Tabs>
    </>
  );
}
