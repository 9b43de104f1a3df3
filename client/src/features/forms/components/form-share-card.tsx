import type { LeadFormDto } from "@shared/contracts/forms";
import { ExternalLink } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

function Snippet({ label, value }: { label: string; value: string }) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-zinc-800">{label}</p>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
      <pre className="overflow-x-auto rounded-md bg-zinc-50 p-2.5 text-xs whitespace-pre-wrap break-all text-zinc-700">{value}</pre>
    </div>
  );
}

/** The hosted link and the embed snippets, each with a copy button. */
export function FormShareCard({ form }: { form: LeadFormDto }) {
  return (
    <Card>
      <CardHeader
        title="Share"
        description={form.allowedOrigins.length ? "The embeds work on the allowed domains." : "Add an allowed domain to embed the form on a site."}
      />
      <CardBody className="space-y-4">
        <div className="space-y-1.5">
          <div className="flex items-center justify-between gap-2">
            <p className="text-sm font-medium text-zinc-800">Hosted page</p>
            <CopyButton value={form.hostedUrl} label="Copy link" />
          </div>
          <a href={form.hostedUrl} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-sm break-all text-brand hover:underline" data-testid="hosted-url">
            {form.hostedUrl}
            <ExternalLink className="size-3.5 shrink-0" aria-hidden />
          </a>
        </div>
        <Snippet label="Iframe embed" value={form.embed.iframe} />
        <Snippet label="Script embed" value={form.embed.script} />
      </CardBody>
    </Card>
  );
}
