import { zodResolver } from "@hookform/resolvers/zod";
import { UpdateProfileBody } from "@shared/contracts/auth";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { useCurrentUser } from "@/lib/auth";
import { applyFieldErrors } from "@/lib/form-errors";
import { useUpdateProfile } from "../api/update-profile";

/** The signed-in user's display name (email shown, not editable). */
export function ProfileForm() {
  const me = useCurrentUser();
  const update = useUpdateProfile();
  const values = { name: me.user.name };
  const form = useForm({ resolver: zodResolver(UpdateProfileBody), values });
  const { errors, isDirty } = form.formState;

  const submit = form.handleSubmit((v) =>
    update.mutate(v, {
      onSuccess: () => toast.success("Profile updated."),
      onError: (error) => {
        if (!applyFieldErrors(error, form.setError, ["name"])) toast.error(errorMessage(error));
      },
    }),
  );

  return (
    <Card>
      <CardHeader title="Your details" description="How you appear to your team." />
      <CardBody>
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormField label="Name" error={errors.name?.message}>
            {(f) => <Input {...f} autoComplete="name" {...form.register("name")} />}
          </FormField>
          <FormField label="Email" hint="Ask an admin to change the email you sign in with.">
            {(f) => <Input {...f} value={me.user.email} readOnly disabled />}
          </FormField>
          <div className="flex justify-end">
            <Button type="submit" disabled={!isDirty} loading={update.isPending}>
              Save name
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
