import { zodResolver } from "@hookform/resolvers/zod";
import { CURRENCIES, UpdateWorkspaceBody, type WorkspaceDto } from "@shared/contracts/workspace";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { applyFieldErrors } from "@/lib/form-errors";
import { useUpdateWorkspace } from "../api/update-workspace";

const FIELDS = ["name", "timezone", "currency", "brandColor", "staffPipelineScope"] as const;

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Name, time zone, currency and brand colour; read-only unless abilities.update. */
export function WorkspaceForm({ workspace }: { workspace: WorkspaceDto }) {
  const update = useUpdateWorkspace();
  const values = {
    name: workspace.name,
    timezone: workspace.timezone,
    currency: workspace.currency,
    brandColor: workspace.brandColor,
    staffPipelineScope: workspace.staffPipelineScope,
  };
  const form = useForm({ resolver: zodResolver(UpdateWorkspaceBody), values });
  const { errors, isDirty } = form.formState;
  const zones = useMemo(() => timeZones(workspace.timezone), [workspace.timezone]);
  const readOnly = !workspace.abilities.update;
  const brandColor = form.watch("brandColor") ?? workspace.brandColor;

  const submit = form.handleSubmit((v) =>
    update.mutate(v, {
      onSuccess: () => toast.success("Workspace settings saved."),
      onError: (error) => {
        if (!applyFieldErrors(error, form.setError, FIELDS)) toast.error(errorMessage(error));
      },
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {readOnly ? <Alert tone="info">You can view these settings. Ask an admin if something needs to change.</Alert> : null}
      <fieldset disabled={readOnly} className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <FormField label="Agency name" error={errors.name?.message} className="sm:col-span-2">
          {(f) => <Input {...f} {...form.register("name")} />}
        </FormField>
        <FormField label="Time zone" error={errors.timezone?.message} hint="Used for dates in emails and reports.">
          {(f) => (
            <NativeSelect {...f} {...form.register("timezone")}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll("_", " ")}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <FormField label="Currency" error={errors.currency?.message}>
          {(f) => (
            <NativeSelect {...f} {...form.register("currency")}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <FormField label="Brand colour" error={errors.brandColor?.message} hint="Accent colour of the app, portal and emails.">
          {(f) => (
            <div className="flex items-center gap-2">
              <input
                type="color"
                aria-label="Colour picker"
                value={/^#[0-9a-fA-F]{6}$/.test(brandColor) ? brandColor : "#000000"}
                onChange={(e) => form.setValue("brandColor", e.target.value, { shouldDirty: true, shouldValidate: true })}
                className="h-9 w-12 cursor-pointer rounded-md border border-zinc-300 bg-white p-1 disabled:cursor-not-allowed"
              />
              <Input {...f} className="font-mono uppercase" maxLength={7} {...form.register("brandColor")} />
            </div>
          )}
        </FormField>
        <FormField
          label="Staff see leads and deals"
          error={errors.staffPipelineScope?.message}
          hint="Admins and managers always see every lead and deal; sales agents see their own."
        >
          {(f) => (
            <NativeSelect {...f} {...form.register("staffPipelineScope")}>
              <option value="all">All leads and deals</option>
              <option value="own">Only the ones they own</option>
            </NativeSelect>
          )}
        </FormField>
        <div className="flex items-start sm:pt-6.5">
          <div className="flex h-9 w-full items-center gap-3 rounded-md border border-dashed border-zinc-300 px-3 text-sm text-zinc-500">
            <span className="size-4 rounded-full" style={{ background: brandColor }} aria-hidden />
            Preview
            <span className="ml-auto rounded px-2 py-0.5 text-xs font-medium text-white" style={{ background: brandColor }}>
              Button
            </span>
          </div>
        </div>
      </fieldset>
      {readOnly ? null : (
        <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
          <Button variant="secondary" disabled={!isDirty || update.isPending} onClick={() => form.reset(values)}>
            Discard
          </Button>
          <Button type="submit" disabled={!isDirty} loading={update.isPending}>
            Save settings
          </Button>
        </div>
      )}
    </form>
  );
}
