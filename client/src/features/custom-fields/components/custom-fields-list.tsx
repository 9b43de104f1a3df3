import type { CustomFieldDefinitionDto, CustomFieldEntity } from "@shared/contracts/custom-fields";
import { useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, Pencil, Plus, SlidersHorizontal, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { errorMessage } from "@/lib/api-client";
import { customFieldsKeys } from "../api/custom-fields-keys";
import { useDeleteCustomField } from "../api/delete-custom-field";
import { useCustomFields } from "../api/get-custom-fields";
import { updateCustomField } from "../api/update-custom-field";
import { CustomFieldDialog, FIELD_TYPE_LABELS } from "./custom-field-dialog";

const RECORD_NOUN: Record<CustomFieldEntity, string> = { client: "client", contact: "contact", lead: "lead", deal: "deal" };

/** One record type's custom fields in position order, with add, edit, reorder and delete for managers. */
export function CustomFieldsList({ entityType }: { entityType: CustomFieldEntity }) {
  const fields = useCustomFields(entityType);
  const queryClient = useQueryClient();
  const remove = useDeleteCustomField();
  const [deleting, setDeleting] = useState<CustomFieldDefinitionDto | null>(null);
  const [moving, setMoving] = useState(false);

  if (fields.isPending) return <SkeletonRows rows={4} />;
  if (fields.isError) return <EmptyState title="Couldn't load custom fields" description={errorMessage(fields.error)} />;
  const rows = fields.data.data;
  const canManage = fields.data.abilities.manage;
  const addButton = canManage ? (
    <CustomFieldDialog
      entityType={entityType}
      trigger={
        <Button size="sm">
          <Plus aria-hidden />
          Add field
        </Button>
      }
    />
  ) : null;

  // Swaps two neighbours, then renumbers every field so positions stay 0..n-1.
  const move = async (index: number, delta: -1 | 1) => {
    const order = [...rows];
    const [item] = order.splice(index, 1);
    order.splice(index + delta, 0, item);
    setMoving(true);
    try {
      await Promise.all(order.map((f, i) => (f.position === i ? null : updateCustomField({ id: f.id, body: { position: i } }))));
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      await queryClient.invalidateQueries({ queryKey: customFieldsKeys.all });
      setMoving(false);
    }
  };

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 p-4">
        <p className="text-sm text-zinc-500">
          {canManage ? `Fields every ${RECORD_NOUN[entityType]} can carry, in the order forms show them.` : "Only admins can change these fields."}
        </p>
        {rows.length > 0 ? addButton : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={SlidersHorizontal} title="No custom fields yet — add one to track what matters to your agency" action={addButton ?? undefined} />
      ) : (
        <Table data-testid="custom-fields-table">
          <THead>
            <tr>
              <TH>Label</TH>
              <TH className="hidden sm:table-cell">Key</TH>
              <TH className="hidden sm:table-cell">Type</TH>
              <TH className="hidden md:table-cell">Choices</TH>
              {canManage ? <TH className="text-right">Actions</TH> : null}
            </tr>
          </THead>
          <TBody>
            {rows.map((f, i) => (
              <TR key={f.id} data-testid="custom-field-row">
                <TD className="max-w-48">
                  <span className="block truncate font-medium text-zinc-900">{f.label}</span>
                  <span className="block text-xs text-zinc-500 sm:hidden">{FIELD_TYPE_LABELS[f.type]}</span>
                  {f.required ? <Badge tone="brand">Required</Badge> : null}
                </TD>
                <TD className="hidden font-mono text-xs sm:table-cell">{f.key}</TD>
                <TD className="hidden whitespace-nowrap sm:table-cell">{FIELD_TYPE_LABELS[f.type]}</TD>
                <TD className="hidden max-w-64 truncate md:table-cell">{f.options.length ? f.options.join(", ") : <span className="text-zinc-400">—</span>}</TD>
                {canManage ? (
                  <TD className="pl-0">
                    <div className="flex flex-wrap justify-end gap-0.5">
                    <Button variant="ghost" size="icon-sm" aria-label={`Move ${f.label} up`} disabled={i === 0 || moving} onClick={() => move(i, -1)}>
                      <ArrowUp aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      aria-label={`Move ${f.label} down`}
                      disabled={i === rows.length - 1 || moving}
                      onClick={() => move(i, 1)}
                    >
                      <ArrowDown aria-hidden />
                    </Button>
                    <CustomFieldDialog
                      entityType={entityType}
                      field={f}
                      trigger={
                        <Button variant="ghost" size="icon-sm" aria-label={`Edit ${f.label}`}>
                          <Pencil aria-hidden />
                        </Button>
                      }
                    />
                    <Button variant="ghost" size="icon-sm" aria-label={`Delete ${f.label}`} onClick={() => setDeleting(f)}>
                      <Trash2 aria-hidden />
                    </Button>
                    </div>
                  </TD>
                ) : null}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete “${deleting?.label ?? ""}”?`}
        description={`Its value is removed from every ${RECORD_NOUN[entityType]} that has one, and list filters or sorts on it stop working. This can't be undone.`}
        confirmLabel="Delete field"
        pending={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(`${deleting.label} was deleted.`);
              setDeleting(null);
            },
            onError: (error) => toast.error(errorMessage(error)),
          })
        }
      />
    </>
  );
}
