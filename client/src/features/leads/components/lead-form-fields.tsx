import { EDITABLE_LEAD_STATUSES } from "@shared/contracts/leads";
import { useId } from "react";
import type { UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, NativeSelect, Textarea } from "@/components/ui/input";
import { LEAD_STATUS_LABELS } from "./lead-badges";
import type { LeadFormMode, LeadFormValues } from "./lead-form-schema";

export interface PersonOption {
  id: string;
  name: string;
}

/**
 * The lead form's fields. `create` adds status, owner (unless `ownerPicker` is false: people who
 * only see their own leads always own what they add) and the consent record.
 */
export function LeadFormFields({
  form,
  mode,
  members,
  ownerPicker = true,
}: {
  form: UseFormReturn<LeadFormValues>;
  mode: LeadFormMode;
  members: PersonOption[];
  ownerPicker?: boolean;
}) {
  const { errors } = form.formState;
  const reg = form.register;
  const consentGiven = form.watch("consentGiven");
  const consentId = useId();
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Name" error={errors.name?.message}>
          {(f) => <Input {...f} autoComplete="off" {...reg("name")} />}
        </FormField>
        <FormField label="Company" error={errors.company?.message}>
          {(f) => <Input {...f} autoComplete="off" {...reg("company")} />}
        </FormField>
        <FormField label="Email" error={errors.email?.message}>
          {(f) => <Input {...f} type="email" autoComplete="off" {...reg("email")} />}
        </FormField>
        <FormField label="Phone" error={errors.phone?.message}>
          {(f) => <Input {...f} type="tel" autoComplete="off" {...reg("phone")} />}
        </FormField>
        <FormField label="Country" error={errors.country?.message} hint="Two-letter code, e.g. GB">
          {(f) => <Input {...f} maxLength={2} autoComplete="off" className="uppercase" {...reg("country")} />}
        </FormField>
        <FormField label="Score" error={errors.score?.message} hint="0–100">
          {(f) => <Input {...f} inputMode="numeric" autoComplete="off" {...reg("score")} />}
        </FormField>
        {mode === "create" ? (
          <>
            <FormField label="Status" error={errors.status?.message}>
              {(f) => (
                <NativeSelect {...f} {...reg("status")}>
                  {EDITABLE_LEAD_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {LEAD_STATUS_LABELS[s]}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </FormField>
            {ownerPicker ? (
              <FormField label="Owner" error={errors.ownerId?.message} hint="Pick someone, or let your assignment rules choose">
                {(f) => (
                  <NativeSelect {...f} {...reg("ownerId")}>
                    <option value="">Assignment rules decide</option>
                    {members.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </NativeSelect>
                )}
              </FormField>
            ) : null}
          </>
        ) : null}
        <FormField label="Tags" error={errors.tags?.message} hint="Separate tags with commas" className="sm:col-span-2">
          {(f) => <Input {...f} autoComplete="off" placeholder="webinar, enterprise" {...reg("tags")} />}
        </FormField>
      </div>
      <FormField label="Notes" error={errors.notes?.message}>
        {(f) => <Textarea {...f} rows={mode === "create" ? 3 : 5} {...reg("notes")} />}
      </FormField>
      {mode === "create" ? (
        <fieldset className="space-y-3 rounded-lg border border-zinc-200 p-3">
          <legend className="px-1 text-sm font-semibold text-zinc-900">Consent</legend>
          <div className="flex items-center gap-2">
            <Checkbox id={consentId} {...reg("consentGiven")} />
            <label htmlFor={consentId} className="text-sm text-zinc-700">
              The person agreed to be contacted
            </label>
          </div>
          {consentGiven ? (
            <FormField label="Consent text" error={errors.consentText?.message} hint="The exact wording they agreed to; it is stored with the time">
              {(f) => <Textarea {...f} rows={2} {...reg("consentText")} />}
            </FormField>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}
