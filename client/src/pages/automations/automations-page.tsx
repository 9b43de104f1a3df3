import type { AutomationDto } from "@shared/contracts/automations";
import { Bot, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Link } from "wouter";
import { describeConditions } from "@/components/crm/conditions-editor";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { paths } from "@/config/paths";
import { useAutomations, useDeleteAutomation, useSaveAutomation } from "@/features/automations/api/automations";
import { ACTION_LABELS, AutomationEditor, describeTrigger } from "@/features/automations/components/automation-editor";
import { useCustomFields } from "@/features/custom-fields/api/get-custom-fields";
import { errorMessage } from "@/lib/api-client";
import { formatRelative } from "@/lib/format";
import { useTeamMembers } from "../clients/use-team-members";
import { useLeadOwners } from "../leads/use-lead-owners";

/** Lead custom fields, active team members (notify) and who may own leads (assign): the pickers of the editor. */
export function useAutomationPickers() {
  const { members } = useTeamMembers();
  const owners = useLeadOwners();
  const fields = useCustomFields("lead");
  return { members, owners: owners.members, customFields: (fields.data?.data ?? []).map((f) => ({ key: f.key, label: f.label, type: f.type })) };
}

/** /automations — trigger + conditions → actions on leads, with on/off, edit, delete and run counts. */
export function AutomationsPage() {
  const list = useAutomations();
  const save = useSaveAutomation();
  const remove = useDeleteAutomation();
  const pickers = useAutomationPickers();
  const [deleting, setDeleting] = useState<AutomationDto | null>(null);
  const newButton = (
    <AutomationEditor
      {...pickers}
      trigger={
        <Button>
          <Plus aria-hidden />
          New automation
        </Button>
      }
    />
  );
  const labels = Object.fromEntries(pickers.customFields.map((f) => [f.key, f.label]));

  return (
    <>
      <PageHeader title="Automations" description="When something happens to a lead, and it matches your conditions, these actions run by themselves. Each run is logged here and on the lead." actions={newButton} />
      <Card className="min-w-0">
        {list.isPending ? (
          <SkeletonRows rows={4} />
        ) : list.isError ? (
          <EmptyState title="Couldn't load automations" description={errorMessage(list.error)} />
        ) : list.data.data.length === 0 ? (
          <EmptyState icon={Bot} title="No automations yet" description="Start with one: tag new UK leads and email their owner, or nudge leads with no activity for a week." action={newButton} />
        ) : (
          <Table>
            <THead>
              <TR>
                <TH>Automation</TH>
                <TH>Does</TH>
                <TH className="text-right">Runs</TH>
                <TH>On</TH>
                <TH className="sr-only">Actions</TH>
              </TR>
            </THead>
            <TBody>
              {list.data.data.map((a) => (
                <TR key={a.id} data-testid="automation-row">
                  <TD>
                    <Link href={paths.automation.href(a.id)} className="font-medium text-zinc-900 hover:underline">
                      {a.name}
                    </Link>
                    <p className="text-xs text-zinc-500">
                      {describeTrigger(a.trigger)} · {describeConditions(a.conditions, labels)}
                    </p>
                  </TD>
                  <TD className="text-sm text-zinc-600">{a.actions.map((x) => ACTION_LABELS[x.type]).join(" → ")}</TD>
                  <TD className="text-right text-sm tabular-nums text-zinc-700">
                    {a.runCount}
                    {a.lastRunAt ? <p className="text-xs text-zinc-400">last {formatRelative(a.lastRunAt)}</p> : null}
                  </TD>
                  <TD>
                    <Switch
                      aria-label={`${a.name} on`}
                      checked={a.enabled}
                      onCheckedChange={(enabled) =>
                        save.mutate({ id: a.id, body: { enabled } }, { onSuccess: (s) => toast.success(`${s.name} is ${s.enabled ? "on" : "off"}.`), onError: (e) => toast.error(errorMessage(e)) })
                      }
                    />
                  </TD>
                  <TD className="text-right whitespace-nowrap">
                    <AutomationEditor
                      {...pickers}
                      automation={a}
                      trigger={
                        <Button variant="ghost" size="icon-sm" aria-label={`Edit ${a.name}`}>
                          <Pencil aria-hidden />
                        </Button>
                      }
                    />
                    <Button variant="ghost" size="icon-sm" aria-label={`Delete ${a.name}`} onClick={() => setDeleting(a)}>
                      <Trash2 aria-hidden />
                    </Button>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete ${deleting?.name ?? "automation"}?`}
        description="It stops running and its run log is deleted. Changes it already made to leads stay."
        confirmLabel="Delete automation"
        pending={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(`${deleting.name} was deleted.`);
              setDeleting(null);
            },
            onError: (e) => toast.error(errorMessage(e)),
          })
        }
      />
    </>
  );
}
