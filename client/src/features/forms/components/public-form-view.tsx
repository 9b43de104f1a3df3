import type { FormField, PublicFormDto } from "@shared/contracts/forms";
import { CircleCheck } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField as Field } from "@/components/ui/form-field";
import { Checkbox, Input, NativeSelect, Textarea } from "@/components/ui/input";
import { ApiError, errorMessage } from "@/lib/api-client";
import { issueField } from "@/lib/form-errors";
import { useSubmitPublicForm } from "../api/submit-public-form";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type RenderableForm = Pick<PublicFormDto, "publicId" | "name" | "fields" | "consent" | "honeypotField">;

/** The same checks the server makes, so people see problems before sending. */
function localErrors(form: RenderableForm, values: Record<string, string>, consent: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of form.fields) {
    const v = (values[f.key] ?? "").trim();
    if (!v && f.required) errors[f.key] = `${f.label} is required`;
    else if (v && f.type === "email" && !EMAIL.test(v)) errors[f.key] = "Enter a valid email address";
  }
  if (form.consent.required && form.consent.text && !consent) errors.consent = "Tick the box to agree before sending";
  return errors;
}

function Control({ field, value, onChange, control }: { field: FormField; value: string; onChange: (v: string) => void; control: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined } }) {
  const common = { ...control, name: field.key, value, required: field.required, placeholder: field.placeholder ?? undefined };
  if (field.type === "textarea") return <Textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />;
  if (field.type === "select") {
    return (
      <NativeSelect {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {field.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </NativeSelect>
    );
  }
  const autoComplete = ({ name: "name", email: "email", phone: "tel", company: "organization", country: "country" } as Record<string, string>)[field.key];
  return <Input {...common} type={field.type} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />;
}

/**
 * A web-to-lead form as people fill it in: labelled fields, the consent checkbox with its text, a
 * honeypot hidden from people and assistive technology, field errors, then the thank-you message or
 * the redirect. `preview` renders it inert (the builder's live preview).
 */
export function PublicFormView({ form, preview = false, embedded = false }: { form: RenderableForm; preview?: boolean; embedded?: boolean }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [consent, setConsent] = useState(false);
  const [honeypot, setHoneypot] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [thanks, setThanks] = useState<string | null>(null);
  const submit = useSubmitPublicForm();
  const clearError = (key: string) =>
    setErrors((prev) => {
      if (!(key in prev)) return prev;
      const { [key]: _cleared, ...rest } = prev;
      return rest;
    });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (preview) return;
    const found = localErrors(form, values, consent);
    setErrors(found);
    if (Object.keys(found).length) {
      const first = Object.keys(found)[0]!;
      document.getElementById(first === "consent" ? "pf-consent" : "")?.focus();
      if (first !== "consent") document.getElementsByName(first)[0]?.focus();
      return;
    }
    submit.mutate(
      { publicId: form.publicId, values: { ...values, consent, [form.honeypotField]: honeypot } },
      {
        onSuccess: (res) => {
          if (res.redirectUrl) {
            try {
              // Inside an iframe, take the whole page to the thank-you page.
              (embedded && window.top ? window.top : window).location.assign(res.redirectUrl);
            } catch {
              window.location.assign(res.redirectUrl);
            }
            return;
          }
          setThanks(res.message ?? "Thank you!");
        },
        onError: (err) => {
          if (err instanceof ApiError && err.details?.issues?.length) {
            const shown = new Set([...form.fields.map((f) => f.key), "consent"]);
            const byField = err.details.issues.map((i) => [issueField(i.path), i.message] as const);
            const unplaced = byField.filter(([key]) => !shown.has(key)).map(([, message]) => message);
            setErrors({ ...Object.fromEntries(byField.filter(([key]) => shown.has(key))), ...(unplaced.length ? { _form: unplaced.join(" ") } : {}) });
          }
        },
      },
    );
  };

  if (thanks !== null) {
    return (
      <div role="status" className="flex flex-col items-center gap-3 py-8 text-center" data-testid="form-thanks">
        <CircleCheck className="size-10 text-brand" aria-hidden />
        <p className="text-base font-medium text-zinc-900">{thanks}</p>
      </div>
    );
  }

  // Problems the form has no field for (e.g. a custom field made required since the form was built).
  const formError = submit.error && !(submit.error instanceof ApiError && submit.error.code === "validation_failed") ? errorMessage(submit.error) : (errors._form ?? null);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={form.name} className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {form.fields.map((field) => (
        <Field key={field.key} label={field.required ? `${field.label} *` : field.label} error={errors[field.key]}>
          {(control) => (
            <Control field={field} value={values[field.key] ?? ""} onChange={(v) => {
                setValues((prev) => ({ ...prev, [field.key]: v }));
                clearError(field.key);
              }} control={control} />
          )}
        </Field>
      ))}
      {/* The honeypot: off-screen, out of the tab order and hidden from screen readers; bots fill it. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={`pf-${form.honeypotField}`}>Leave this empty</label>
        <input id={`pf-${form.honeypotField}`} type="text" name={form.honeypotField} tabIndex={-1} autoComplete="off" value={honeypot} onChange={(e) => setHoneypot(e.target.value)} />
      </div>
      {form.consent.text ? (
        <div className="space-y-1">
          <label htmlFor="pf-consent" className="flex items-start gap-2.5 text-sm text-zinc-700">
            <Checkbox
              id="pf-consent"
              name="consent"
              checked={consent}
              onChange={(e) => {
                setConsent(e.target.checked);
                clearError("consent");
              }}
              aria-invalid={!!errors.consent}
              aria-describedby={errors.consent ? "pf-consent-error" : undefined}
              className="mt-0.5"
            />
            <span>
              {form.consent.text}
              {form.consent.required ? " *" : ""}
            </span>
          </label>
          {errors.consent ? (
            <p id="pf-consent-error" role="alert" className="text-xs font-medium text-red-600">
              {errors.consent}
            </p>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" className="w-full" loading={submit.isPending} disabled={preview}>
        Send
      </Button>
    </form>
  );
}
