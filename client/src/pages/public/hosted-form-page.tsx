import { FileQuestion } from "lucide-react";
import { useEffect } from "react";
import { useParams, useSearchParams } from "wouter";
import { useBrandColor } from "@/components/layout/brand-style";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { usePublicForm } from "@/features/forms/api/get-public-form";
import { PublicFormView } from "@/features/forms/components/public-form-view";

/**
 * /f/:publicId — a web-to-lead form's hosted page, for anyone (no sign-in), in the workspace's brand
 * colour. With ?embed=1 it renders without the page chrome, for an iframe on the client's site.
 */
export function HostedFormPage() {
  const { publicId = "" } = useParams<{ publicId: string }>();
  const [search] = useSearchParams();
  const embedded = search.get("embed") === "1";
  const { data: form, isPending, isError } = usePublicForm(publicId);
  useBrandColor(form?.workspace.brandColor);
  useEffect(() => {
    document.title = form ? `${form.name} · ${form.workspace.name}` : "Form";
  }, [form]);

  const body = isPending ? (
    <div className="space-y-4" role="status" aria-busy="true" aria-label="Loading the form">
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-9 w-1/2" />
    </div>
  ) : isError || !form ? (
    <EmptyState icon={FileQuestion} title="This form is not available" description="The link may be out of date, or the form has been switched off." />
  ) : (
    <PublicFormView form={form} embedded={embedded} />
  );

  if (embedded) return <main className="min-h-dvh bg-white p-4">{body}</main>;
  return (
    <div className="flex min-h-dvh flex-col items-center bg-gradient-to-b from-brand-soft to-zinc-50 px-4 py-12">
      <main className="w-full max-w-lg rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
        {form ? (
          <header className="mb-6">
            <p className="text-sm font-medium text-brand">{form.workspace.name}</p>
            <h1 className="mt-1 text-xl font-semibold tracking-tight text-zinc-900">{form.name}</h1>
          </header>
        ) : null}
        {body}
      </main>
    </div>
  );
}
