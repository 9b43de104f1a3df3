import { Pencil } from "lucide-react";
import { useParams } from "wouter";
import { describeConditions } from "@/components/crm/conditions-editor";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageSkeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { useAutomation } from "@/features/automations/api/automations";
import { ACTION_LABELS, AutomationEditor, describeTrigger } from "@/features/automations/components/automation-editor";
import { AutomationRunLog } from "@/features/automations/components/automation-runs";
import { errorMessage } from "@/lib/api-client";
import { useAutomationPickers } from "./automations-page";

/** /automations/:id — what the automation does and its run log. */
export function AutomationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const automation = useAutomation(id);
  const pickers = useAutomationPickers();
  if (automation.isPending) return <PageSkeleton />;
  if (automation.isError) return <EmptyState title="Couldn't load this automation" description={errorMessage(automation.error)} />;
  const a = automation.data.data;
  const labels = Object.fromEntries(pickers.customFields.map((f) => [f.key, f.label]));
  return (
    <>
      <PageHeader
        title={a.name}
        back={{ href: paths.automations.href(), label: "Automations" }}
        description={
          <span className="flex items-center gap-2">
            <Badge tone={a.enabled ? "success" : "neutral"}>{a.enabled ? "On" : "Off"}</Badge>
            {a.runCount} run{a.runCount === 1 ? "" : "s"}
          </span>
        }
        actions={
          <AutomationEditor
            {...pickers}
            automation={a}
            trigger={
              <Button variant="secondary">
                <Pencil aria-hidden />
                Edit
              </Button>
            }
          />
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <CardHeader title="What it does" />
          <CardBody className="space-y-3">
            <p className="text-sm text-zinc-700">{describeTrigger(a.trigger)}</p>
            <p className="text-sm text-zinc-600">If: {describeConditions(a.conditions, labels)}</p>
            <ol className="list-decimal space-y-1 pl-5 text-sm text-zinc-700">
              {a.actions.map((x, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: ordered actions
                <li key={i}>{ACTION_LABELS[x.type]}</li>
              ))}
            </ol>
          </CardBody>
        </Card>
        <Card className="min-w-0 lg:col-span-2" data-testid="automation-run-log">
          <CardHeader title="Run log" />
          <AutomationRunLog automationId={a.id} />
        </Card>
      </div>
    </>
  );
}
