import type { CustomFieldDefinitionDto } from "@shared/contracts/custom-fields";
import {
  FORM_CUSTOM_FIELD_TYPES,
  FORM_LEAD_FIELD_LABELS,
  FORM_LEAD_FIELDS,
  type FormField,
  type FormFieldType,
  HONEYPOT_FIELD,
  type LeadFormDto,
  normaliseOrigin,
  UpdateLeadFormBody,
} from "@shared/contracts/forms";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { type FormEvent, useId, useMemo, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField as Field } from "@/components/ui/form-field";
import { Checkbox, Input, NativeSelect, Textarea } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { ApiError, errorMessage } from "@/lib/api-client";
import { issueField } from "@/lib/form-errors";
import { useLeadCustomFields } from "../api/get-lead-custom-fields";
import { useUpdateForm } from "../api/update-form";
import { ChipsInput } from "./chips-input";
import { PublicFormView } from "./public-form-view";

interface DraftField {
  key: string;
  label: string;
  required: boolean;
  placeholder: string;
  /** Text fields may render as a multi-line box. */
  multiline: boolean;
}

interface Draft {
  name: string;
  fields: DraftField[];
  consent: { required: boolean; text: string };
  success: { mode: "message" | "redirect"; message: string; redirectUrl: string };
  allowedOrigins: string[];
  tags: string[];
  enabled: boolean;
}

function draftOf(form: LeadFormDto): Draft {
  return {
    name: form.name,
    fields: form.fields.map((f) => ({ key: f.key, label: f.label, required: f.required, placeholder: f.placeholder ?? "", multiline: f.type === "textarea" && f.key !== "notes" })),
    consent: form.consent,
    success: { mode: form.success.mode, message: form.success.message, redirectUrl: form.success.redirectUrl ?? "" },
    allowedOrigins: form.allowedOrigins,
    tags: form.tags,
    enabled: form.enabled,
  };
}

function bodyOf(d: Draft) {
  return {
    name: d.name,
    fields: d.fields.map((f) => ({ key: f.key, label: f.label, required: f.required, placeholder: f.placeholder.trim() || null, ...(f.multiline ? { type: "textarea" as const } : {}) })),
    consent: d.consent,
    success: { mode: d.success.mode, message: d.success.message, redirectUrl: d.success.redirectUrl.trim() || null },
    allowedOrigins: d.allowedOrigins,
    tags: d.tags,
    enabled: d.enabled,
  };
}

const LEAD_TYPES: Record<string, FormFieldType> = { name: "text", company: "text", email: "email", phone: "tel", country: "text", notes: "textarea" };

/** Whether a field is single-line text that may become a multi-line box. */
function isTextField(key: string, definitions: CustomFieldDefinitionDto[]): boolean {
  if (key === "name" || key === "company") return true;
  return key.startsWith("cf.") && definitions.some((d) => `cf.${d.key}` === key && d.type === "text");
}

/** How the draft renders, for the live preview. */
function previewFields(fields: DraftField[], definitions: CustomFieldDefinitionDto[]): FormField[] {
  const byKey = new Map(definitions.map((d) => [`cf.${d.key}`, d]));
  return fields.map((f) => {
    const def = byKey.get(f.key);
    const base: FormFieldType = def ? (FORM_CUSTOM_FIELD_TYPES[def.type as keyof typeof FORM_CUSTOM_FIELD_TYPES] ?? "text") : (LEAD_TYPES[f.key] ?? "text");
    const type: FormFieldType = base === "text" && f.multiline ? "textarea" : base;
    return { key: f.key, label: f.label || f.key, required: f.required, placeholder: f.placeholder || null, type, options: def?.options ?? [] };
  });
}

/** The builder: fields, consent, thank-you, embedding and tags, with a live preview beside it. */
export function FormBuilder({ form }: { form: LeadFormDto }) {
  const uid = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(form));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useUpdateForm();
  const { data: definitions = [] } = useLeadCustomFields();
  const formable = definitions.filter((d) => d.type in FORM_CUSTOM_FIELD_TYPES);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setField = (i: number, patch: Partial<DraftField>) => set("fields", draft.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...draft.fields];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    set("fields", next);
  };

  const palette = useMemo(() => {
    const used = new Set(draft.fields.map((f) => f.key));
    return [
      ...FORM_LEAD_FIELDS.filter((k) => !used.has(k)).map((k) => ({ key: k, label: FORM_LEAD_FIELD_LABELS[k] })),
      ...formable.filter((d) => !used.has(`cf.${d.key}`)).map((d) => ({ key: `cf.${d.key}`, label: `${d.label} (custom)` })),
    ];
  }, [draft.fields, formable]);

  const addField = (key: string) => {
    const item = palette.find((p) => p.key === key);
    if (!item) return;
    set("fields", [...draft.fields, { key, label: item.label.replace(/ \(custom\)$/, ""), required: false, placeholder: "", multiline: false }]);
  };

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    const parsed = UpdateLeadFormBody.safeParse(bodyOf(draft));
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
      toast.error("Check the highlighted fields.");
      return;
    }
    setErrors({});
    update.mutate(
      { id: form.id, body: parsed.data },
      {
        onSuccess: (saved) => {
          setDraft(draftOf(saved));
          toast.success("Form saved.");
        },
        onError: (err) => {
          if (err instanceof ApiError && err.details?.issues?.length) setErrors(Object.fromEntries(err.details.issues.map((i) => [issueField(i.path), i.message])));
          toast.error(errorMessage(err));
        },
      },
    );
  };

  const fieldsError = errors.fields;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <form onSubmit={onSave} noValidate className="min-w-0 space-y-6" aria-label="Form settings">
        <Card>
          <CardHeader title="Basics" actions={
            <div className="flex items-center gap-2 text-sm text-zinc-700">
              <Switch checked={draft.enabled} onCheckedChange={(v) => set("enabled", v)} aria-label="Accepting submissions" />
              <span aria-hidden>{draft.enabled ? "Accepting submissions" : "Switched off"}</span>
            </div>
          } />
          <CardBody className="space-y-4">
            <Field label="Form name" error={errors.name}>
              {(c) => <Input {...c} value={draft.name} onChange={(e) => set("name", e.target.value)} />}
            </Field>
            <Field label="Tags added to every lead" error={errors.tags} hint="Press Enter after each tag.">
              {(c) => (
                <ChipsInput
                  id={c.id}
                  describedBy={c["aria-describedby"]}
                  invalid={c["aria-invalid"]}
                  noun="Tags"
                  values={draft.tags}
                  onChange={(v) => set("tags", v)}
                  placeholder="e.g. website"
                  normalise={(raw) => (raw.trim().length > 40 ? { error: "Keep tags to 40 characters" } : { value: raw.trim() })}
                />
              )}
            </Field>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Fields" description="Each field fills a lead field or a lead custom field. Ask for an email or phone number and make it required." />
          <CardBody className="space-y-3">
            {fieldsError ? <Alert tone="error">{fieldsError}</Alert> : null}
            <ol className="space-y-2" aria-label="Form fields">
              {draft.fields.map((f, i) => (
                <li key={f.key} className="rounded-lg border border-zinc-200 p-3">
                  <div className="flex flex-wrap items-end gap-3">
                    <Field label={`Label (${f.key})`} className="min-w-48 flex-1" error={errors[`fields.${i}.label`] ?? errors[`fields.${i}.key`]}>
                      {(c) => <Input {...c} value={f.label} onChange={(e) => setField(i, { label: e.target.value })} />}
                    </Field>
                    <Field label="Placeholder" className="min-w-40 flex-1">
                      {(c) => <Input {...c} value={f.placeholder} onChange={(e) => setField(i, { placeholder: e.target.value })} />}
                    </Field>
                    <div className="flex h-9 items-center gap-2 text-sm text-zinc-700">
                      <Checkbox id={`${uid}-req-${i}`} checked={f.required} onChange={(e) => setField(i, { required: e.target.checked })} />
                      <label htmlFor={`${uid}-req-${i}`}>
                        Required<span className="sr-only"> ({f.label || f.key})</span>
                      </label>
                    </div>
                    {isTextField(f.key, definitions) ? (
                      <div className="flex h-9 items-center gap-2 text-sm text-zinc-700">
                        <Checkbox id={`${uid}-multi-${i}`} checked={f.multiline} onChange={(e) => setField(i, { multiline: e.target.checked })} />
                        <label htmlFor={`${uid}-multi-${i}`}>
                          Long text<span className="sr-only"> ({f.label || f.key})</span>
                        </label>
                      </div>
                    ) : null}
                    <div className="flex gap-1">
                      <Button type="button" variant="ghost" size="icon-sm" aria-label={`Move ${f.label || f.key} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                        <ArrowUp aria-hidden />
                      </Button>
                      <Button type="button" variant="ghost" size="icon-sm" aria-label={`Move ${f.label || f.key} down`} disabled={i === draft.fields.length - 1} onClick={() => move(i, 1)}>
                        <ArrowDown aria-hidden />
                      </Button>
                      <Button type="button" variant="ghost" size="icon-sm" aria-label={`Remove ${f.label || f.key}`} onClick={() => set("fields", draft.fields.filter((_, j) => j !== i))}>
                        <Trash2 aria-hidden />
                      </Button>
                    </div>
                  </div>
                </li>
              ))}
            </ol>
            {palette.length ? (
              <Field label="Add a field">
                {(c) => (
                  <NativeSelect {...c} value="" onChange={(e) => addField(e.target.value)}>
                    <option value="">Choose a lead field or custom field…</option>
                    {palette.map((p) => (
                      <option key={p.key} value={p.key}>
                        {p.label}
                      </option>
                    ))}
                  </NativeSelect>
                )}
              </Field>
            ) : null}
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Consent" description="The text is stored with each lead as proof of what the person agreed to." />
          <CardBody className="space-y-4">
            <Field label="Consent text" error={errors["consent.text"]} hint="Leave empty to show no checkbox.">
              {(c) => <Textarea {...c} rows={3} value={draft.consent.text} onChange={(e) => set("consent", { ...draft.consent, text: e.target.value })} />}
            </Field>
            <div className="flex items-center gap-2 text-sm text-zinc-700">
              <Checkbox id={`${uid}-consent-required`} checked={draft.consent.required} onChange={(e) => set("consent", { ...draft.consent, required: e.target.checked })} />
              <label htmlFor={`${uid}-consent-required`}>People must tick the box to send the form</label>
            </div>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="After sending" />
          <CardBody className="space-y-4">
            <Field label="Then">
              {(c) => (
                <NativeSelect {...c} value={draft.success.mode} onChange={(e) => set("success", { ...draft.success, mode: e.target.value as Draft["success"]["mode"] })}>
                  <option value="message">Show a thank-you message</option>
                  <option value="redirect">Go to a page</option>
                </NativeSelect>
              )}
            </Field>
            {draft.success.mode === "message" ? (
              <Field label="Thank-you message" error={errors["success.message"]}>
                {(c) => <Textarea {...c} rows={2} value={draft.success.message} onChange={(e) => set("success", { ...draft.success, message: e.target.value })} />}
              </Field>
            ) : (
              <Field label="Redirect URL" error={errors["success.redirectUrl"]} hint="An https:// address (http:// only for localhost).">
                {(c) => <Input {...c} type="url" value={draft.success.redirectUrl} placeholder="https://client-site.example/thanks" onChange={(e) => set("success", { ...draft.success, redirectUrl: e.target.value })} />}
              </Field>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Embedding" description="Sites allowed to show this form and send it. With none, only the hosted page works." />
          <CardBody>
            <Field label="Allowed domains" error={Object.entries(errors).find(([k]) => k.startsWith("allowedOrigins"))?.[1]} hint="Scheme and host, e.g. https://client-site.example">
              {(c) => (
                <ChipsInput
                  id={c.id}
                  describedBy={c["aria-describedby"]}
                  invalid={c["aria-invalid"]}
                  noun="Allowed domains"
                  values={draft.allowedOrigins}
                  onChange={(v) => set("allowedOrigins", v)}
                  placeholder="https://client-site.example"
                  normalise={(raw) => {
                    const origin = normaliseOrigin(raw);
                    return origin ? { value: origin } : { error: "Use scheme and host only, e.g. https://client-site.example" };
                  }}
                />
              )}
            </Field>
          </CardBody>
        </Card>

        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setDraft(draftOf(form))} disabled={update.isPending}>
            Discard changes
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save form
          </Button>
        </div>
      </form>

      <aside className="min-w-0 space-y-6 lg:sticky lg:top-6 lg:self-start" aria-label="Preview and sharing">
        <Card>
          <CardHeader title="Preview" description="What people see (sending is off here)." />
          <CardBody>
            <PublicFormView
              preview
              form={{ publicId: form.publicId, name: draft.name, fields: previewFields(draft.fields, definitions), consent: draft.consent, honeypotField: HONEYPOT_FIELD }}
            />
          </CardBody>
        </Card>
      </aside>
    </div>
  );
}
