import { zodResolver } from "@hookform/resolvers/zod";
import { assignableRoles, ROLE_LABELS, type Role } from "@shared/constants/roles";
import { UpdateUserBody, type UserDto } from "@shared/contracts/users";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { applyFieldErrors } from "@/lib/form-errors";
import { useUpdateUser } from "../api/update-user";
import type { RenderClientPicker } from "./client-picker-slot";

/** Name, role and (for portal users) client of a member; fields follow the user's abilities. */
export function EditUserForm({
  user,
  actorRole,
  renderClientPicker,
  onSaved,
}: {
  user: UserDto;
  actorRole: Role;
  renderClientPicker: RenderClientPicker;
  onSaved?: () => void;
}) {
  const update = useUpdateUser();
  const values = { name: user.name, role: user.role, clientId: user.clientId };
  const form = useForm({ resolver: zodResolver(UpdateUserBody), values });
  const { errors, isDirty, isSubmitted } = form.formState;
  const role = form.watch("role") ?? user.role;
  const roles = assignableRoles(actorRole);
  const roleOptions: Role[] = roles.includes(user.role) ? roles : [user.role, ...roles];
  const canChangeRole = user.abilities.changeRole && roles.length > 0;

  if (!user.abilities.update) return null;

  const submit = form.handleSubmit((v) => {
    const body: UpdateUserBody = { name: v.name };
    if (canChangeRole && v.role !== user.role) body.role = v.role;
    if (canChangeRole && role === "client" && v.clientId !== user.clientId) body.clientId = v.clientId ?? null;
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: () => {
          toast.success("Changes saved.");
          onSaved?.();
        },
        onError: (error) => {
          if (!applyFieldErrors(error, form.setError, ["name", "role", "clientId"])) toast.error(errorMessage(error));
        },
      },
    );
  });

  return (
    <Card>
      <CardHeader title="Edit member" description="Changes apply the next time they load a page." />
      <CardBody>
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormField label="Name" error={errors.name?.message}>
            {(f) => <Input {...f} {...form.register("name")} />}
          </FormField>
          <FormField
            label="Role"
            error={errors.role?.message}
            hint={canChangeRole ? undefined : "You can't change this member's role."}
          >
            {(f) => (
              <NativeSelect {...f} disabled={!canChangeRole} {...form.register("role")}>
                {roleOptions.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          {role === "client" && canChangeRole ? (
            <FormField label="Client" error={errors.clientId?.message}>
              {(f) =>
                renderClientPicker({
                  ...f,
                  value: form.watch("clientId") ?? null,
                  onChange: (id) => form.setValue("clientId", id, { shouldDirty: true, shouldValidate: isSubmitted }),
                })
              }
            </FormField>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" disabled={!isDirty || update.isPending} onClick={() => form.reset(values)}>
              Discard
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!isDirty}>
              Save changes
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
