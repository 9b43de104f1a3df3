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
import { useCreateLead } from "../api/create-lead";
import { LEAD_FORM_FIELDS, createLeadBody, leadFormSchema, leadFormValues, toLeadFormError } from "./lead-form-schema";
import { LeadFormFields, type PersonOption } from "./lead-form-fields";

/** "New lead" button and its dialog; `ownerPicker` false for people who only see their own leads. */
export function CreateLeadDialog({
  members,
  ownerPicker = true,
  onCreated,
  label = "New lead",
  variant = "primary",
}: {
  members: PersonOption[];
  ownerPicker?: boolean;
  onCreated?: (id: string) => void;
  label?: string;
  variant?: "primary" | "secondary";
}) {
  const [open, setOpen] = useState(false);
  const create = useCreateLead();
  const { definitions, Inputs } = useCustomFieldsSlot("lead");
  const resolver = useMemo(() => zodResolver(leadFormSchema("create", definitions)), [definitions]);
  const form = useForm({ resolver, defaultValues: leadFormValues(null, definitions) });
  const [fieldError, setFieldError] = useState(false);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    form.reset(leadFormValues(null, definitions));
    if (!next) {
      create.reset();
      setFieldError(false);
    }
  };

  const submit = form.handleSubmit((values) => {
    const body = createLeadBody(values, definitions);
    create.mutate(ownerPicker ? body : { ...body, ownerId: undefined }, {
      onSuccess: (lead) => {
        toast.success(lead.owner ? `${lead.name} was added and assigned to ${lead.owner.name}.` : `${lead.name} was added (unassigned).`);
        onOpenChange(false);
        onCreated?.(lead.id);
      },
      onError: (error) => setFieldError(applyFieldErrors(toLeadFormError(error), form.setError, [...LEAD_FORM_FIELDS, ...customFieldPaths(definitions)])),
    });
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={variant}>
          <Plus aria-hidden />
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent title="New lead" description="Only the name is required. Without an owner, your assignment rules choose one." className="max-w-2xl">
        <FormProvider {...form}>
          <form onSubmit={submit} noValidate className="space-y-4">
            {create.isError && !fieldError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
            <LeadFormFields form={form} mode="create" members={members} ownerPicker={ownerPicker} />
            <Inputs definitions={definitions} />
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button type="submit" loading={create.isPending}>
                Create lead
              </Button>
            </DialogFooter>
          </form>
        </FormProvider>
      </DialogContent>
    </Dialog>
  );
}
