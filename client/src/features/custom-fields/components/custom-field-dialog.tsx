import { zodResolver } from "@hookform/resolvers/zod";
import {
  CUSTOM_FIELD_KEY,
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinitionDto,
  type CustomFieldEntity,
  type CustomFieldType,
} from "@shared/contracts/custom-fields";
import { customFieldKeyFromLabel } from "@shared/utils/custom-fields";
import { Plus, Trash2 } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, NativeSelect } from "@/components/ui/input";
import { ApiError, errorMessage } from "@/lib/api-client";
import { applyFieldErrors, issueField } from "@/lib/form-errors";
import { useCreateCustomField } from "../api/create-custom-field";
import { useCustomFields } from "../api/get-custom-fields";
import { useUpdateCustomField } from "../api/update-custom-field";

export const FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
  text: "Text",
  number: "Number",
  money: "Money",
  date: "Date",
  select: "Select (one choice)",
  multi_select: "Multi-select",
  checkbox: "Checkbox",
  url: "URL",
};

const hasChoices = (type: CustomFieldType) => type === "select" || type === "multi_select";

const FieldFormSchema = z
  .object({
    label: z.string().trim().min(1, "Enter a label").max(60, "Use at most 60 characters"),
    key: z.string().regex(CUSTOM_FIELD_KEY, "Lower-case letters, digits and _, starting with a letter"),
    type: z.enum(CUSTOM_FIELD_TYPES),
    required: z.boolean(),
    options: z.array(z.object({ value: z.string().trim().max(60, "Use at most 60 characters") })),
  })
  .superRefine((v, ctx) => {
    if (!hasChoices(v.type)) return;
    const values = v.options.map((o) => o.value.trim()).filter(Boolean);
    if (values.length === 0) ctx.addIssue({ code: "custom", path: ["options"], message: "Add at least one choice" });
    if (new Set(values).size !== values.length) ctx.addIssue({ code: "custom", path: ["options"], message: "Each choice must be different" });
  });
type FieldFormValues = z.infer<typeof FieldFormSchema>;

function formValues(field?: CustomFieldDefinitionDto): FieldFormValues {
  return {
    label: field?.label ?? "",
    key: field?.key ?? "",
    type: field?.type ?? "text",
    required: field?.required ?? false,
    options: (field?.options.length ? field.options : [""]).map((value) => ({ value })),
  };
}

// Option issues (body.options.2) land on the choices list.
function toFormError(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.details?.issues) return error;
  const issues = error.details.issues.map((i) => (issueField(i.path).startsWith("options") ? { ...i, path: "options" } : i));
  return new ApiError({ status: error.status, code: error.code, message: error.message, details: { ...error.details, issues }, requestId: error.requestId });
}

/** Add (no `field`) or edit a custom field; `trigger` opens it. Type and key are fixed once created. */
export function CustomFieldDialog({ entityType, field, trigger }: { entityType: CustomFieldEntity; field?: CustomFieldDefinitionDto; trigger: ReactNode }) {
  const [open, setOpen] = useState(false);
  const create = useCreateCustomField();
  // The record type's keys, so a suggested `field_<n>` is the next free one, as the API would pick.
  const existing = useCustomFields(entityType);
  const update = useUpdateCustomField();
  const mutation = field ? update : create;
  const form = useForm({ resolver: zodResolver(FieldFormSchema), defaultValues: formValues(field) });
  const choices = useFieldArray({ control: form.control, name: "options" });
  const [fieldError, setFieldError] = useState(false);
  const [keyTouched, setKeyTouched] = useState(false);
  const requiredId = useId();
  const { errors } = form.formState;
  const type = form.watch("type");

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      form.reset(formValues(field));
      setKeyTouched(false);
    } else {
      create.reset();
      update.reset();
      setFieldError(false);
    }
  };

  const submit = form.handleSubmit((v) => {
    const options = hasChoices(v.type) ? v.options.map((o) => o.value.trim()).filter(Boolean) : [];
    const onError = (error: unknown) =>
      setFieldError(applyFieldErrors(toFormError(error), form.setError, ["label", "key", "type", "options", "required"], { already_exists: "key", conflict: "key" }));
    const onSuccess = (saved: CustomFieldDefinitionDto) => {
      toast.success(field ? `${saved.label} was updated.` : `${saved.label} was added.`);
      onOpenChange(false);
    };
    if (field) update.mutate({ id: field.id, body: { label: v.label.trim(), required: v.required, ...(hasChoices(field.type) ? { options } : {}) } }, { onSuccess, onError });
    else create.mutate({ entityType, label: v.label.trim(), key: v.key, type: v.type, required: v.required, ...(hasChoices(v.type) ? { options } : {}) }, { onSuccess, onError });
  });

  const labelField = form.register("label", {
    onChange: (e: { target: { value: string } }) => {
      if (!field && !keyTouched) form.setValue("key", e.target.value.trim() ? customFieldKeyFromLabel(e.target.value, existing.data?.data.map((d) => d.key)) : "");
    },
  });
  const keyField = form.register("key", { onChange: () => setKeyTouched(true) });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={field ? `Edit ${field.label}` : "Add custom field"}>
        <form onSubmit={submit} noValidate className="space-y-4">
          {mutation.isError && !fieldError ? <Alert tone="error">{errorMessage(mutation.error)}</Alert> : null}
          <FormField label="Label" error={errors.label?.message}>
            {(f) => <Input {...f} autoComplete="off" placeholder="e.g. Tier" {...labelField} />}
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label="Key"
              error={errors.key?.message}
              hint={field ? "Fixed: filters, sorts and API values use it" : "Used in the API, filters and sorts"}
            >
              {(f) => <Input {...f} autoComplete="off" readOnly={!!field} className="font-mono" {...keyField} />}
            </FormField>
            <FormField label="Type" error={errors.type?.message} hint={field ? "Fixed: stored values depend on it" : undefined}>
              {(f) => (
                <NativeSelect {...f} disabled={!!field} {...form.register("type")}>
                  {CUSTOM_FIELD_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {FIELD_TYPE_LABELS[t]}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </FormField>
          </div>
          {field ? (
            <p className="text-xs text-zinc-500">Type and key can't change once a field exists — records already store values under them. Add a new field instead.</p>
          ) : null}
          {hasChoices(type) ? (
            <fieldset className="space-y-2" data-testid="choices-editor">
              <legend className="text-sm font-medium text-zinc-800">Choices</legend>
              {choices.fields.map((c, i) => (
                <div key={c.id} className="flex items-center gap-2">
                  <Input aria-label={`Choice ${i + 1}`} autoComplete="off" {...form.register(`options.${i}.value`)} />
                  <Button variant="ghost" size="icon-sm" aria-label={`Remove choice ${i + 1}`} onClick={() => choices.remove(i)} disabled={choices.fields.length === 1}>
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              ))}
              {errors.options?.message || errors.options?.root?.message ? (
                <p className="text-xs font-medium text-red-600" role="alert">
                  {errors.options?.message ?? errors.options?.root?.message}
                </p>
              ) : null}
              <Button variant="secondary" size="sm" onClick={() => choices.append({ value: "" })}>
                <Plus aria-hidden />
                Add choice
              </Button>
            </fieldset>
          ) : null}
          <div className="flex items-center gap-2">
            <Checkbox id={requiredId} {...form.register("required")} />
            <label htmlFor={requiredId} className="text-sm text-zinc-700">
              Required — every record must have a value
            </label>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={mutation.isPending}>
              {field ? "Save field" : "Add field"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
