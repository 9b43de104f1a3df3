import { zodResolver } from "@hookform/resolvers/zod";
import type { ClientDto } from "@shared/contracts/clients";
import { useEffect, useMemo, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { errorMessage } from "@/lib/api-client";
import { customFieldPaths, useCustomFieldsSlot } from "@/lib/custom-fields";
import { applyFieldErrors } from "@/lib/form-errors";
import { useUpdateClient } from "../api/update-client";
import { CLIENT_FORM_FIELDS, clientBody, clientFormSchema, clientFormValues, toFormError } from "./client-form-schema";
import { ClientFormFields, type PersonOption } from "./client-form-fields";
import { FormSaveBar } from "@/components/ui/form-save-bar";

/** Every field of a client; read-only without abilities.update. */
export function ClientDetailsForm({ client, members, onSaved }: { client: ClientDto; members: PersonOption[]; onSaved?: () => void }) {
  const update = useUpdateClient();
  const { definitions, Inputs } = useCustomFieldsSlot("client");
  const resolver = useMemo(() => zodResolver(clientFormSchema(definitions)), [definitions]);
  const form = useForm({ resolver, defaultValues: clientFormValues(client, definitions) });
  const [fieldError, setFieldError] = useState(false);
  const canEdit = client.abilities.update;

  // Fresh server data (another tab, a bulk action) resets the form unless the user is mid-edit.
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(clientFormValues(client, definitions));
  }, [client, definitions, form]);

  // An owner no longer in the active team still shows by name.
  const options = client.owner && !members.some((m) => m.id === client.owner?.id) ? [client.owner, ...members] : members;

  const submit = form.handleSubmit((values) =>
    update.mutate(
      { id: client.id, body: clientBody(values, definitions) },
      {
        onSuccess: (saved) => {
          form.reset(clientFormValues(saved, definitions));
          setFieldError(false);
          toast.success("Client details saved.");
          onSaved?.();
        },
        onError: (error) => setFieldError(applyFieldErrors(toFormError(error), form.setError, [...CLIENT_FORM_FIELDS, ...customFieldPaths(definitions)])),
      },
    ),
  );

  return (
    <Card className="max-w-4xl">
      <CardHeader
        title="Details"
        description={canEdit ? "Everything about this client in one place." : "You can view these details but not change them."}
      />
      <CardBody>
        <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="space-y-4">
          {update.isError && !fieldError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
          <fieldset disabled={!canEdit} className="min-w-0">
            <ClientFormFields form={form} members={options} full />
            <div className="mt-4">
              <Inputs definitions={definitions} />
            </div>
          </fieldset>
          {canEdit ? (
            <FormSaveBar dirty={form.formState.isDirty} pending={update.isPending} onDiscard={() => form.reset(clientFormValues(client, definitions))} />
          ) : null}
        </form>
        </FormProvider>
      </CardBody>
    </Card>
  );
}
