import { zodResolver } from "@hookform/resolvers/zod";
import type { ContactDto } from "@shared/contracts/contacts";
import { EMAIL_MAX } from "@shared/constants/limits";
import type { CustomFieldValues } from "@shared/contracts/custom-fields";
import { type ReactNode, useId, useMemo, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Checkbox, Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { errorMessage } from "@/lib/api-client";
import {
  type CustomFieldDef,
  type CustomFieldFormValues,
  customFieldBody,
  customFieldFormValues,
  customFieldPaths,
  customValuesOf,
  refineCustomFields,
  useCustomFieldsSlot,
} from "@/lib/custom-fields";
import { applyFieldErrors } from "@/lib/form-errors";
import { useCreateContact } from "../api/create-contact";
import { useUpdateContact } from "../api/update-contact";

export const ContactFormSchema = z.object({
  firstName: z.string().trim().min(1, "Enter a first name").max(80),
  lastName: z.string().trim().max(80),
  email: z
    .string()
    .trim()
    .max(EMAIL_MAX)
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address"),
  phone: z.string().trim().max(40),
  title: z.string().trim().max(120),
  isPrimary: z.boolean(),
  customFields: z.custom<CustomFieldFormValues>(() => true),
});
export type ContactFormValues = z.infer<typeof ContactFormSchema>;
export const CONTACT_FIELDS = ["firstName", "lastName", "email", "phone", "title", "isPrimary"] as const;

/** The contact schema with the workspace's custom fields checked by the shared validator. */
export function contactFormSchema(defs: readonly CustomFieldDef[]) {
  return ContactFormSchema.superRefine(refineCustomFields(defs));
}

/** Built-in and custom field names, for placing API errors. */
export function contactFieldPaths(defs: readonly CustomFieldDef[]) {
  return [...CONTACT_FIELDS, ...customFieldPaths(defs)];
}

/** A contact's editable values (empty strings for missing ones). */
export function contactFormValues(c: ContactDto | null, defs: readonly CustomFieldDef[] = []): ContactFormValues {
  return {
    firstName: c?.firstName ?? "",
    lastName: c?.lastName ?? "",
    email: c?.email ?? "",
    phone: c?.phone ?? "",
    title: c?.title ?? "",
    isPrimary: c?.isPrimary ?? false,
    customFields: customFieldFormValues(defs, c ? customValuesOf(c) : {}),
  };
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** Form values → the create/update body. */
export function contactBody(v: ContactFormValues, defs: readonly CustomFieldDef[] = []) {
  const custom: { customFields?: CustomFieldValues } = defs.length > 0 ? { customFields: customFieldBody(defs, v.customFields) } : {};
  return { ...custom, firstName: v.firstName.trim(), lastName: orNull(v.lastName), email: orNull(v.email), phone: orNull(v.phone), title: orNull(v.title), isPrimary: v.isPrimary };
}

/** The contact fields, shared by the dialog and the contact page. */
export function ContactFields({ form }: { form: ReturnType<typeof useForm<ContactFormValues>> }) {
  const { errors } = form.formState;
  const primaryId = useId();
  const { definitions, Inputs } = useCustomFieldsSlot("contact");
  return (
    <FormProvider {...form}>
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="First name" error={errors.firstName?.message}>
          {(f) => <Input {...f} autoComplete="off" {...form.register("firstName")} />}
        </FormField>
        <FormField label="Last name" error={errors.lastName?.message}>
          {(f) => <Input {...f} autoComplete="off" {...form.register("lastName")} />}
        </FormField>
      </div>
      <FormField label="Email" error={errors.email?.message} hint="Needed to invite them to the portal">
        {(f) => <Input {...f} type="email" autoComplete="off" {...form.register("email")} />}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Phone" error={errors.phone?.message}>
          {(f) => <Input {...f} type="tel" autoComplete="off" {...form.register("phone")} />}
        </FormField>
        <FormField label="Job title" error={errors.title?.message}>
          {(f) => <Input {...f} autoComplete="off" {...form.register("title")} />}
        </FormField>
      </div>
      <div className="flex items-center gap-2">
        <Checkbox id={primaryId} {...form.register("isPrimary")} />
        <label htmlFor={primaryId} className="text-sm text-zinc-700">
          Primary contact for this client
        </label>
      </div>
      <Inputs definitions={definitions} />
    </div>
    </FormProvider>
  );
}

/** Add (with clientId) or edit (with contact) a contact in a dialog; `trigger` is the opening button. */
export function ContactFormDialog({ clientId, contact, trigger }: { clientId: string; contact?: ContactDto; trigger: ReactNode }) {
  const [open, setOpen] = useState(false);
  const create = useCreateContact();
  const update = useUpdateContact();
  const mutation = contact ? update : create;
  const { definitions } = useCustomFieldsSlot("contact");
  const resolver = useMemo(() => zodResolver(contactFormSchema(definitions)), [definitions]);
  const form = useForm({ resolver, defaultValues: contactFormValues(contact ?? null, definitions) });
  const [fieldError, setFieldError] = useState(false);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) form.reset(contactFormValues(contact ?? null, definitions));
    else {
      create.reset();
      update.reset();
      setFieldError(false);
    }
  };
  const onError = (error: unknown) =>
    setFieldError(applyFieldErrors(error, form.setError, contactFieldPaths(definitions), { already_exists: "email", conflict: "email" }));
  const onSuccess = (saved: ContactDto) => {
    toast.success(contact ? `${saved.name} was updated.` : `${saved.name} was added.`);
    onOpenChange(false);
  };

  const submit = form.handleSubmit((values) => {
    const body = contactBody(values, definitions);
    if (contact) update.mutate({ id: contact.id, body }, { onSuccess, onError });
    else create.mutate({ ...body, clientId }, { onSuccess, onError });
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={contact ? `Edit ${contact.name}` : "Add contact"}>
        <form onSubmit={submit} noValidate className="space-y-4">
          {mutation.isError && !fieldError ? <Alert tone="error">{errorMessage(mutation.error)}</Alert> : null}
          <ContactFields form={form} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={mutation.isPending}>
              {contact ? "Save contact" : "Add contact"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
