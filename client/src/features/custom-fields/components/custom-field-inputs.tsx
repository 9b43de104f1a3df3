import { CURRENCIES } from "@shared/contracts/workspace";
import { useId } from "react";
import { type FieldError, useController, useFormContext } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, NativeSelect } from "@/components/ui/input";
import type { CustomFieldDef, CustomFieldFormValue } from "@/lib/custom-fields";

/** The custom fields of a record, bound to the surrounding form under `customFields.<key>`. */
export function CustomFieldInputs({ definitions }: { definitions: CustomFieldDef[] }) {
  if (definitions.length === 0) return null;
  return (
    <fieldset className="space-y-4" data-testid="custom-field-inputs">
      <legend className="mb-2 text-sm font-semibold text-zinc-900">Custom fields</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {definitions.map((d) => (
          <CustomFieldInput key={d.key} def={d} />
        ))}
      </div>
    </fieldset>
  );
}

function CustomFieldInput({ def }: { def: CustomFieldDef }) {
  const { control } = useFormContext<{ customFields: Record<string, CustomFieldFormValue> }>();
  const { field, fieldState } = useController({ control, name: `customFields.${def.key}` });
  const error = (fieldState.error as FieldError | undefined)?.message;
  const label = def.required ? `${def.label} *` : def.label;
  const groupId = useId();
  const value = field.value;

  if (def.type === "checkbox") {
    return (
      <div className="space-y-1.5 self-end">
        <div className="flex items-center gap-2">
          <Checkbox id={groupId} checked={value === true} onChange={(e) => field.onChange(e.target.checked)} onBlur={field.onBlur} ref={field.ref} />
          <label htmlFor={groupId} className="text-sm text-zinc-700">
            {label}
          </label>
        </div>
        {error ? (
          <p className="text-xs font-medium text-red-600" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  if (def.type === "multi_select") {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="space-y-1.5" aria-invalid={!!error} aria-describedby={error ? `${groupId}-error` : undefined}>
        <legend className="text-sm font-medium text-zinc-800">{label}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {def.options.map((o, i) => (
            <label key={o} htmlFor={`${groupId}-${i}`} className="flex items-center gap-2 text-sm text-zinc-700">
              <Checkbox
                id={`${groupId}-${i}`}
                ref={i === 0 ? field.ref : undefined}
                checked={chosen.includes(o)}
                onChange={(e) => field.onChange(e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o))}
                onBlur={field.onBlur}
              />
              {o}
            </label>
          ))}
        </div>
        {error ? (
          <p id={`${groupId}-error`} className="text-xs font-medium text-red-600" role="alert">
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  }

  if (def.type === "money") {
    const m = value && typeof value === "object" && !Array.isArray(value) ? value : { amount: "", currency: "USD" };
    return (
      <FormField label={label} error={error}>
        {(f) => (
          <div className="grid grid-cols-[1fr_6rem] gap-2">
            <Input
              {...f}
              ref={field.ref}
              inputMode="decimal"
              placeholder="0.00"
              autoComplete="off"
              value={m.amount}
              onChange={(e) => field.onChange({ ...m, amount: e.target.value })}
              onBlur={field.onBlur}
            />
            <NativeSelect aria-label={`${def.label} currency`} value={m.currency} onChange={(e) => field.onChange({ ...m, currency: e.target.value })}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </NativeSelect>
          </div>
        )}
      </FormField>
    );
  }

  const text = typeof value === "string" ? value : "";
  const common = { ref: field.ref, name: field.name, onBlur: field.onBlur, value: text };
  return (
    <FormField label={label} error={error}>
      {(f) =>
        def.type === "select" ? (
          <NativeSelect {...f} {...common} onChange={(e) => field.onChange(e.target.value)}>
            <option value="">—</option>
            {/* Only defined choices are offered; a stale stored value still shows so it can be changed. */}
            {text && !def.options.includes(text) ? <option value={text}>{text} (no longer a choice)</option> : null}
            {def.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </NativeSelect>
        ) : (
          <Input
            {...f}
            {...common}
            onChange={(e) => field.onChange(e.target.value)}
            autoComplete="off"
            type={def.type === "date" ? "date" : def.type === "url" ? "url" : "text"}
            inputMode={def.type === "number" ? "decimal" : undefined}
            placeholder={def.type === "url" ? "https://example.com" : undefined}
          />
        )
      }
    </FormField>
  );
}
