import { FileQuestion, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useLocation, useParams } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageSkeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { useDeleteForm } from "@/features/forms/api/delete-form";
import { useLeadForm } from "@/features/forms/api/get-form";
import { FormBuilder } from "@/features/forms/components/form-builder";
import { FormShareCard } from "@/features/forms/components/form-share-card";
import { errorMessage } from "@/lib/api-client";

/** /forms/:id — the form builder, with its live preview, link and embed snippets. */
export function FormDetailPage() {
  const { id = "" } = useParams<{ id: string }>();
  const { data: form, isPending, isError } = useLeadForm(id);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteForm();
  const [, navigate] = useLocation();

  if (isPending) return <PageSkeleton />;
  if (isError || !form) {
    return <EmptyState icon={FileQuestion} title="Form not found" description="It may have been deleted." action={<Button onClick={() => navigate(paths.forms.href())}>Back to forms</Button>} />;
  }
  return (
    <>
      <PageHeader
        title={form.name}
        documentTitle={`${form.name} · Forms`}
        description={`${form.submissionCount} submission${form.submissionCount === 1 ? "" : "s"}`}
        back={{ href: paths.forms.href(), label: "Forms" }}
        actions={
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            <Trash2 aria-hidden />
            Delete
          </Button>
        }
      />
      <div className="mb-6">
        <FormShareCard form={form} />
      </div>
      <FormBuilder key={form.updatedAt} form={form} />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete ${form.name}?`}
        description="Its link and embeds stop working at once. The leads it brought in stay."
        confirmLabel="Delete form"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(form.id, {
            onSuccess: () => {
              toast.success(`${form.name} was deleted.`);
              navigate(paths.forms.href());
            },
            onError: (err) => toast.error(errorMessage(err)),
          })
        }
      />
    </>
  );
}
