import { zodResolver } from "@hookform/resolvers/zod";
import type { ContactDto } from "@shared/contracts/contacts";
import { useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { errorMessage } from "@/lib/api-client";
import { useCustomFieldsSlot } from "@/lib/custom-fields";
import { applyFieldErrors } from "@/lib/form-errors";
import { useUpdateContact } from "../api/update-contact";
import { ContactFields, contactBody, contactFieldPaths, contactFormSchema, contactFormValues } from "./contact-form-dialog";

/** A contact's fields on its own page; read-only without abilities.update. */
export function ContactDetailsForm({ contact, onSaved }: { contact: ContactDto; onSaved?: () => void }) {
  const update = useUpdateContact();
  const { definitions } = useCustomFieldsSlot("contact");
  const resolver = useMemo(() => zodResolver(contactFormSchema(definitions)), [definitions]);
  const form = useForm({ resolver, defaultValues: contactFormValues(contact, definitions) });
  const [fieldError, setFieldError] = useState(false);
  const canEdit = contact.abilities.update;

  useEffect(() => {
    if (!form.formState.isDirty) form.reset(contactFormValues(contact, definitions));
  }, [contact, definitions, form]);

  const submit = form.handleSubmit((values) =>
    update.mutate(
      { id: contact.id, body: contactBody(values, definitions) },
      {
        onSuccess: (saved) => {
          form.reset(contactFormValues(saved, definitions));
          setFieldError(false);
          toast.success("Contact saved.");
          onSaved?.();
        },
        onError: (error) => setFieldError(applyFieldErrors(error, form.setError, contactFieldPaths(definitions), { already_exists: "email", conflict: "email" })),
      },
    ),
  );

  return (
    <Card>
      <CardHeader title="Details" description={canEdit ? undefined : "You can view this contact but not change it."} />
      <CardBody>
        <form onSubmit={submit} noValidate className="space-y-4">
          {update.isError && !fieldError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
          <fieldset disabled={!canEdit} className="min-w-0">
            <ContactFields form={form} />
          </fieldset>
          {canEdit ? (
            <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
              <Button type="submit" loading={update.isPending} disabled={!form.formState.isDirty}>
                Save changes
              </Button>
            </div>
          ) : null}
        </form>
      </CardBody>
    </Card>
  );
}
