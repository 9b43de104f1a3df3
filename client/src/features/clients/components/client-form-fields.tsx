import { CLIENT_STATUSES } from "@shared/contracts/clients";
import { CURRENCIES } from "@shared/contracts/workspace";
import type { UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { CLIENT_STATUS_LABELS } from "./client-badges";
import type { ClientFormValues } from "./client-form-schema";

export interface PersonOption {
  id: string;
  name: string;
}

/** The client form's fields; `full` adds phone, address and notes (the detail page). */
export function ClientFormFields({
  form,
  members,
  full = false,
}: {
  form: UseFormReturn<ClientFormValues>;
  members: PersonOption[];
  full?: boolean;
}) {
  const { errors } = form.formState;
  const reg = form.register;
  return (
    <div className="space-y-4">
      <FormField label="Name" error={errors.name?.message}>
        {(f) => <Input {...f} autoComplete="off" {...reg("name")} />}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Status" error={errors.status?.message}>
          {(f) => (
            <NativeSelect {...f} {...reg("status")}>
              {CLIENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CLIENT_STATUS_LABELS[s]}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <FormField label="Owner" error={errors.ownerId?.message}>
          {(f) => (
            <NativeSelect {...f} {...reg("ownerId")}>
              <option value="">No owner</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <FormField label="Industry" error={errors.industry?.message}>
          {(f) => <Input {...f} autoComplete="off" {...reg("industry")} />}
        </FormField>
        <FormField label="Website" error={errors.website?.message}>
          {(f) => <Input {...f} type="url" placeholder="https://example.com" autoComplete="off" {...reg("website")} />}
        </FormField>
        {full ? (
          <FormField label="Phone" error={errors.phone?.message}>
            {(f) => <Input {...f} type="tel" autoComplete="off" {...reg("phone")} />}
          </FormField>
        ) : null}
        <FormField label="Tags" error={errors.tags?.message} hint="Separate tags with commas" className={full ? "" : "sm:col-span-2"}>
          {(f) => <Input {...f} autoComplete="off" placeholder="retail, seo" {...reg("tags")} />}
        </FormField>
      </div>
      <fieldset className="grid grid-cols-[1fr_7rem] gap-4">
        <legend className="sr-only">Monthly retainer</legend>
        <FormField label="Monthly retainer" error={errors.retainerAmount?.message}>
          {(f) => <Input {...f} inputMode="decimal" placeholder="0.00" autoComplete="off" {...reg("retainerAmount")} />}
        </FormField>
        <FormField label="Currency" error={errors.retainerCurrency?.message}>
          {(f) => (
            <NativeSelect {...f} {...reg("retainerCurrency")}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
      </fieldset>
      {full ? (
        <>
          <fieldset className="space-y-4">
            <legend className="mb-2 text-sm font-semibold text-zinc-900">Address</legend>
            <FormField label="Address line 1" error={errors.line1?.message}>
              {(f) => <Input {...f} autoComplete="off" {...reg("line1")} />}
            </FormField>
            <FormField label="Address line 2" error={errors.line2?.message}>
              {(f) => <Input {...f} autoComplete="off" {...reg("line2")} />}
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label="City" error={errors.city?.message}>
                {(f) => <Input {...f} autoComplete="off" {...reg("city")} />}
              </FormField>
              <FormField label="Region" error={errors.region?.message}>
                {(f) => <Input {...f} autoComplete="off" {...reg("region")} />}
              </FormField>
              <FormField label="Postal code" error={errors.postalCode?.message}>
                {(f) => <Input {...f} autoComplete="off" {...reg("postalCode")} />}
              </FormField>
              <FormField label="Country" error={errors.country?.message} hint="Two-letter code, e.g. GB">
                {(f) => <Input {...f} maxLength={2} autoComplete="off" className="uppercase" {...reg("country")} />}
              </FormField>
            </div>
          </fieldset>
          <FormField label="Notes" error={errors.notes?.message}>
            {(f) => <Textarea {...f} rows={5} {...reg("notes")} />}
          </FormField>
        </>
      ) : null}
    </div>
  );
}
