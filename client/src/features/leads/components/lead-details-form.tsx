import { zodResolver } from "@hookform/resolvers/zod";
import type { LeadDto } from "@shared/contracts/leads";
import { useEffect, useMemo, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { errorMessage } from "@/lib/api-client";
import { customFieldPaths, useCustomFieldsSlot } from "@/lib/custom-fields";
import { applyFieldErrors } from "@/lib/form-errors";
import { useUpdateLead } from "../api/update-lead";
import { LEAD_FORM_FIELDS, leadFormSchema, leadFormValues, toLeadFormError, updateLeadBody } from "./lead-form-schema";
import { LeadFormFields } from "./lead-form-fields";
import { FormSaveBar } from "@/components/ui/form-save-bar";

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
              <FormSaveBar dirty={form.formState.isDirty} pending={update.isPending} onDiscard={() => form.reset(leadFormValues(lead, definitions))} />
            ) : null}
          </form>
        </FormProvider>
      </CardBody>
    </Card>
  );
}
