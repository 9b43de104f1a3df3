import type { AssignmentRuleDto } from "@shared/contracts/assignment-rules";
import { ArrowDown, ArrowUp, Pencil, Plus, Shuffle, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { describeConditions } from "@/components/crm/conditions-editor";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { errorMessage } from "@/lib/api-client";
import type { CustomFieldDef } from "@/lib/custom-fields";
import { useDeleteAssignmentRule } from "../api/delete-assignment-rule";
import { useAssignmentRules } from "../api/get-assignment-rules";
import { useReorderAssignmentRules } from "../api/reorder-assignment-rules";
import { useUpdateAssignmentRule } from "../api/update-assignment-rule";
import { describeAssignment } from "./rule-describe";
import { type PersonOption, RuleDialog } from "./rule-dialog";

/** The ordered rules with enable switches, move up/down, edit and delete, and the "New rule" dialog. */
export function AssignmentRulesList({ members, customFields }: { members: PersonOption[]; customFields: CustomFieldDef[] }) {
  const customLabels = Object.fromEntries(customFields.map((d) => [d.key, d.label]));
  const rules = useAssignmentRules();
  const update = useUpdateAssignmentRule();
  const reorder = useReorderAssignmentRules();
  const remove = useDeleteAssignmentRule();
  const [editing, setEditing] = useState<AssignmentRuleDto | null | "new">(null);
  const [deleting, setDeleting] = useState<AssignmentRuleDto | null>(null);
  const list = rules.data ?? [];

  const move = (index: number, delta: -1 | 1) => {
    const ids = list.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    if (!id) return;
    ids.splice(index + delta, 0, id);
    reorder.mutate(ids, { onError: (error) => toast.error(errorMessage(error)) });
  };
  const toggle = (rule: AssignmentRuleDto, enabled: boolean) =>
    update.mutate(
      { id: rule.id, body: { enabled } },
      {
        onSuccess: (saved) => toast.success(`“${saved.name}” is ${saved.enabled ? "on" : "off"}.`),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  const newButton = (
    <Button onClick={() => setEditing("new")}>
      <Plus aria-hidden />
      New rule
    </Button>
  );

  return (
    <Card className="min-w-0">
      <CardHeader title="Rules, in order" description="Checked from the top for every new lead without an owner." actions={list.length > 0 ? newButton : undefined} />
      {rules.isPending ? (
        <SkeletonRows rows={3} />
      ) : rules.isError ? (
        <EmptyState
          icon={Shuffle}
          title="Couldn't load the rules"
          description={errorMessage(rules.error)}
          action={
            <Button variant="secondary" onClick={() => rules.refetch()}>
              Try again
            </Button>
          }
        />
      ) : list.length === 0 ? (
        <EmptyState
          icon={Shuffle}
          title="No assignment rules yet"
          description="New leads stay unassigned until someone picks them up. Add a rule to hand them out automatically, e.g. UK leads in turns to two people."
          action={newButton}
        />
      ) : (
        <ol className="divide-y divide-zinc-100" aria-label="Assignment rules" data-testid="assignment-rules">
          {list.map((rule, i) => (
            <li key={rule.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center" data-testid="assignment-rule">
              <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-600" aria-hidden>
                {i + 1}
              </span>
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 font-medium text-zinc-900">
                  {rule.name}
                  {rule.enabled ? null : <Badge tone="neutral">Off</Badge>}
                </p>
                <p className="mt-0.5 text-sm text-zinc-600">
                  {rule.conditions.length === 0 ? "Every lead" : `When ${describeConditions(rule.conditions, customLabels)}`}
                </p>
                <p className="text-sm text-zinc-500">→ {describeAssignment(rule)}</p>
              </div>
              <div className="flex shrink-0 items-center gap-1">
                <Switch checked={rule.enabled} onCheckedChange={(on) => toggle(rule, on)} aria-label={`Enable ${rule.name}`} className="mr-2" />
                <Button variant="ghost" size="icon-sm" aria-label={`Move ${rule.name} up`} disabled={i === 0 || reorder.isPending} onClick={() => move(i, -1)}>
                  <ArrowUp aria-hidden />
                </Button>
                <Button variant="ghost" size="icon-sm" aria-label={`Move ${rule.name} down`} disabled={i === list.length - 1 || reorder.isPending} onClick={() => move(i, 1)}>
                  <ArrowDown aria-hidden />
                </Button>
                <Button variant="ghost" size="icon-sm" aria-label={`Edit ${rule.name}`} onClick={() => setEditing(rule)}>
                  <Pencil aria-hidden />
                </Button>
                <Button variant="ghost" size="icon-sm" aria-label={`Delete ${rule.name}`} className="text-red-600 hover:bg-red-50" onClick={() => setDeleting(rule)}>
                  <Trash2 aria-hidden />
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <RuleDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        rule={editing === "new" ? null : editing}
        members={members}
        customFields={customFields}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete “${deleting?.name ?? ""}”?`}
        description={<p>Leads already assigned keep their owner. New leads skip to the next rule.</p>}
        confirmLabel="Delete rule"
        pending={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(`“${deleting.name}” was deleted.`);
              setDeleting(null);
            },
            onError: (error) => {
              setDeleting(null);
              toast.error(errorMessage(error));
            },
          })
        }
      />
    </Card>
  );
}
