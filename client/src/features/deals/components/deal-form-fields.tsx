import type { StageDto } from "@shared/contracts/pipelines";
import { CURRENCIES } from "@shared/contracts/workspace";
import { Controller, type UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { useClientContacts } from "../api/search-parties";
import type { DealFormValues } from "./deal-form-schema";
import { isPastDate } from "./deal-format";
import { PartyPicker } from "./party-picker";

/**
 * The deal form's fields; `stages` adds the stage picker (new deals), `defaultOwnerLabel` names
 * the owner a new deal gets when the picker is left on its default.
 */
export function DealFormFields({
  form,
  members,
  stages,
  canPickLead,
  defaultOwnerLabel,
  open = true,
}: {
  form: UseFormReturn<DealFormValues>;
  members: { id: string; name: string }[];
  stages?: StageDto[];
  canPickLead: boolean;
  defaultOwnerLabel?: string;
  /** Whether the deal is open (a past expected close date only matters then). */
  open?: boolean;
}) {
  const { errors } = form.formState;
  const reg = form.register;
  const client = form.watch("client");
  const contacts = useClientContacts(client?.id);
  // A warning, not an error: a past date is allowed (e.g. recording a slipped deal), it just shows as overdue.
  const pastClose = open && isPastDate(form.watch("expectedCloseDate"));
  return (
    <div className="space-y-4">
      <FormField label="Title" error={errors.title?.message}>
        {(f) => <Input {...f} autoComplete="off" placeholder="e.g. Website rebuild" {...reg("title")} />}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <Controller
          control={form.control}
          name="client"
          render={({ field }) => (
            <PartyPicker
              kind="clients"
              label="Client"
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                form.setValue("contactId", "");
              }}
              error={errors.client?.message}
            />
          )}
        />
        {canPickLead ? (
          <Controller control={form.control} name="lead" render={({ field }) => <PartyPicker kind="leads" label="Lead" value={field.value} onChange={field.onChange} error={errors.lead?.message} />} />
        ) : null}
      </div>
      {client ? (
        <FormField label="Contact" error={errors.contactId?.message}>
          {(f) => (
            // Controlled: the client's contacts arrive after the form mounts, and an uncontrolled
            // select would keep showing "No contact" for a deal that has one.
            <Controller
              control={form.control}
              name="contactId"
              render={({ field }) => (
                <NativeSelect {...f} name={field.name} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur}>
                  <option value="">No contact</option>
                  {(contacts.data?.data ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {[c.firstName, c.lastName].filter(Boolean).join(" ")}
                    </option>
                  ))}
                </NativeSelect>
              )}
            />
          )}
        </FormField>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_9rem]">
        <FormField label="Value" error={errors.value?.message}>
          {(f) => <Input {...f} inputMode="decimal" placeholder="12000" {...reg("value")} />}
        </FormField>
        <FormField label="Currency" error={errors.currency?.message}>
          {(f) => (
            <NativeSelect {...f} {...reg("currency")}>
              <option value="">Default</option>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Expected close"
          error={errors.expectedCloseDate?.message}
          hint={pastClose ? "This date has passed: the deal will show as overdue." : undefined}
        >
          {(f) => <Input {...f} type="date" {...reg("expectedCloseDate")} />}
        </FormField>
        <FormField label="Owner" error={errors.ownerId?.message}>
          {(f) => (
            <NativeSelect {...f} {...reg("ownerId")}>
              <option value="">{stages ? (defaultOwnerLabel ?? "Default owner") : "No owner"}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
      </div>
      {stages ? (
        <FormField label="Stage" error={errors.stageId?.message}>
          {(f) => (
            <NativeSelect {...f} {...reg("stageId")}>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.probability}%)
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
      ) : null}
      <FormField label="Tags" error={errors.tags?.message} hint="Separate tags with commas">
        {(f) => <Input {...f} autoComplete="off" {...reg("tags")} />}
      </FormField>
    </div>
  );
}
