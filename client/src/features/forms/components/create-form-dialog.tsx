import { CreateLeadFormBody } from "@shared/contracts/forms";
import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { useLocation } from "wouter";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { paths } from "@/config/paths";
import { errorMessage } from "@/lib/api-client";
import { useCreateForm } from "../api/create-form";

/** Starts a form with a name, a required name and email, and a consent line; the builder takes it from there. */
export function CreateFormDialog() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const create = useCreateForm();
  const [, navigate] = useLocation();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name,
      fields: [
        { key: "name", label: "Your name", required: true },
        { key: "email", label: "Email", required: true },
        { key: "company", label: "Company", required: false },
        { key: "notes", label: "How can we help?", required: false },
      ],
      consent: { required: true, text: "I agree to be contacted about my enquiry." },
    };
    const parsed = CreateLeadFormBody.safeParse(body);
    if (!parsed.success) {
      setError(parsed.error.issues.find((i) => i.path[0] === "name")?.message ?? parsed.error.issues[0]?.message);
      return;
    }
    create.mutate(body, {
      onSuccess: (form) => {
        toast.success(`${form.name} was created.`);
        setOpen(false);
        navigate(paths.form.href(form.id));
      },
      onError: (err) => setError(errorMessage(err)),
    });
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New form
        </Button>
      </DialogTrigger>
      <DialogContent title="New form" description="Name it; you can choose its fields, consent text and thank-you next.">
        <form onSubmit={onSubmit} noValidate>
          <FormField label="Name" error={error}>
            {(c) => <Input {...c} value={name} autoFocus placeholder="e.g. Website contact form" onChange={(e) => setName(e.target.value)} />}
          </FormField>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create form
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
