import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useMemo, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/api-client";
import { customFieldPaths, useCustomFieldsSlot } from "@/lib/custom-fields";
import { applyFieldErrors } from "@/lib/form-errors";
import { useCreateClient } from "../api/create-client";
import { CLIENT_FORM_FIELDS, clientBody, clientFormSchema, clientFormValues, toFormError } from "./client-form-schema";
import { ClientFormFields, type PersonOption } from "./client-form-fields";

/** "New client" button and its dialog; opens the new client when saved. */
export function CreateClientDialog({ members, onCreated }: { members: PersonOption[]; onCreated?: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const create = useCreateClient();
  const { definitions, Inputs } = useCustomFieldsSlot("client");
  const resolver = useMemo(() => zodResolver(clientFormSchema(definitions)), [definitions]);
  const form = useForm({ resolver, defaultValues: clientFormValues(null, definitions) });
  const [fieldError, setFieldError] = useState(false);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) form.reset(clientFormValues(null, definitions));
    else {
      form.reset(clientFormValues(null, definitions));
      create.reset();
      setFieldError(false);
    }
  };

  const submit = form.handleSubmit((values) => {
    const { address: _address, phone: _phone, notes: _notes, ...body } = clientBody(values, definitions);
    create.mutate(body, {
      onSuccess: (client) => {
        toast.success(`${client.name} was added.`);
        onOpenChange(false);
        onCreated?.(client.id);
      },
      onError: (error) =>
        setFieldError(applyFieldErrors(toFormError(error), form.setError, [...CLIENT_FORM_FIELDS, ...customFieldPaths(definitions)], { already_exists: "name", conflict: "name" })),
    });
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New client
        </Button>
      </DialogTrigger>
      <DialogContent title="New client" description="Only the name is required; you can fill in the rest later.">
        <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="space-y-4">
          {create.isError && !fieldError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
          <ClientFormFields form={form} members={members} />
          <Inputs definitions={definitions} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={create.isPending}>
              Create client
            </Button>
          </DialogFooter>
        </form>
        </FormProvider>
      </DialogContent>
    </Dialog>
  );
}
