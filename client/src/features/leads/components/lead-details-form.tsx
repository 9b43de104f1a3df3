import { zodResolver } from "@hookform/resolvers/zod";
import type { LeadDto } from "@shared/contracts/leads";
import { useEffect, useMemo, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { errorMessage } from "@/lib/api-client";
import { customFieldPaths, useCustomFieldsSlot } from "@/lib/custom-fields";
import { applyFieldErrors } from "@/lib/form-errors";
import { useUpdateLead } from "../api/update-lead";
import { LEAD_FORM_FIELDS, leadFormSchema, leadFormValues, toLeadFormError, updateLeadBody } from "./lead-form-schema";
import { LeadFormFields } from "./lead-form-fields";

/** The lead's editable fields; read-only without abilities.update. */
export function LeadDetailsForm({ lead, onSaved }: { lead: LeadDto; onSaved?: () => void }) {
  const update = useUpdateLead();
  const { definitions, Inputs } = useCustomFieldsSlot("lead");
  const resolver = useMemo(() => zodResolver(leadFormSchema("edit", definitions)), [definitions]);
  const form = useForm({ resolver, defaultValues: leadFormValues(lead, definitions) });
  const [fieldError, setFieldError] = useState(false);
  const canEdit = lead.abilities.update;

  // Fresh server data (header changes, another tab) resets the form unless the user is mid-edit.
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(leadFormValues(lead, definitions));
  }, [lead, definitions, form]);

  const submit = form.handleSubmit((values) =>
    update.mutate(
      { id: lead.id, body: updateLeadBody(values, definitions) },
      {
        onSuccess: (saved) => {
          form.reset(leadFormValues(saved, definitions));
          setFieldError(false);
          toast.success("Lead details saved.");
          onSaved?.();
        },
        onError: (error) => setFieldError(applyFieldErrors(toLeadFormError(error), form.setError, [...LEAD_FORM_FIELDS, ...customFieldPaths(definitions)])),
      },
    ),
  );

  return (
    <Card>
      <CardHeader title="Details" description={canEdit ? "Who they are and how to reach them." : "You can view these details but not change them."} />
      <CardBody>
        <FormProvider {...form}>
          <form onSubmit={submit} noValidate className="space-y-4">
            {update.isError && !fieldError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
            <fieldset disabled={!canEdit} className="min-w-0 space-y-4">
              <LeadFormFields form={form} mode="edit" members={[]} />
              <Inputs definitions={definitions} />
            </fieldset>
            {canEdit ? (
              <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
                <Button variant="secondary" disabled={!form.formState.isDirty || update.isPending} onClick={() => form.reset(leadFormValues(lead, definitions))}>
                  Discard changes
                </Button>
                <Button type="submit" loading={update.isPending} disabled={!form.formState.isDirty}>
                  Save changes
                </Button>
              </div>
            ) : null}
          </form>
        </FormProvider>
      </CardBody>
    </Card>
  );
}
