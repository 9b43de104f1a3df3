import { zodResolver } from "@hookform/resolvers/zod";
import type { DealDto } from "@shared/contracts/deals";
import { useEffect, useMemo, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { errorMessage } from "@/lib/api-client";
import { customFieldPaths, useCustomFieldsSlot } from "@/lib/custom-fields";
import { applyFieldErrors } from "@/lib/form-errors";
import { useUpdateDeal } from "../api/update-deal";
import { DealFormFields } from "./deal-form-fields";
import { DEAL_FORM_FIELDS, dealBody, dealFormSchema, dealFormValues, toDealFormError } from "./deal-form-schema";
import { FormSaveBar } from "@/components/ui/form-save-bar";

/** Every editable field of a deal; read-only without abilities.update. */
export function DealDetailsForm({ deal, members, canPickLead }: { deal: DealDto; members: { id: string; name: string }[]; canPickLead: boolean }) {
  const update = useUpdateDeal();
  const { definitions, Inputs } = useCustomFieldsSlot("deal");
  const resolver = useMemo(() => zodResolver(dealFormSchema(definitions)), [definitions]);
  const form = useForm({ resolver, defaultValues: dealFormValues(deal, definitions) });
  const [fieldError, setFieldError] = useState(false);
  const canEdit = deal.abilities.update;

  useEffect(() => {
    if (!form.formState.isDirty) form.reset(dealFormValues(deal, definitions));
  }, [deal, definitions, form]);

  const options = deal.owner && !members.some((m) => m.id === deal.owner?.id) ? [deal.owner, ...members] : members;
  const submit = form.handleSubmit((values) =>
    update.mutate(
      { id: deal.id, body: dealBody(values, definitions) },
      {
        onSuccess: (saved) => {
          form.reset(dealFormValues(saved, definitions));
          setFieldError(false);
          toast.success("Deal saved.");
        },
        onError: (error) => setFieldError(applyFieldErrors(toDealFormError(error), form.setError, [...DEAL_FORM_FIELDS, ...customFieldPaths(definitions)])),
      },
    ),
  );

  return (
    <Card>
      <CardHeader title="Details" description={canEdit ? "Value, dates, people and custom fields." : "You can view these details but not change them."} />
      <CardBody>
        <FormProvider {...form}>
          <form onSubmit={submit} noValidate className="space-y-4">
            {update.isError && !fieldError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
            <fieldset disabled={!canEdit} className="min-w-0 space-y-4">
              <DealFormFields form={form} members={options} canPickLead={canPickLead || !!deal.lead} open={deal.status === "open"} />
              <Inputs definitions={definitions} />
            </fieldset>
            {canEdit ? (
              <FormSaveBar dirty={form.formState.isDirty} pending={update.isPending} onDiscard={() => form.reset(dealFormValues(deal, definitions))} />
            ) : null}
          </form>
        </FormProvider>
      </CardBody>
    </Card>
  );
}
