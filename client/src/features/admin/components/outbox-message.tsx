import type { OutboxMessageDto } from "@shared/contracts/admin";
import { ExternalLink } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/lib/format";
import { extractLinks, Linkified } from "./linkify";

const STATUS_TONE = { captured: "info", sent: "success", failed: "danger" } as const;

/** One captured email: headers, its links (open or copy), and the text or sandboxed HTML body. */
export function OutboxMessage({ message }: { message: OutboxMessageDto }) {
  const [view, setView] = useState<"text" | "html">("text");
  const links = extractLinks(message.text);
  return (
    <Card className="overflow-hidden" data-testid="outbox-message">
      <div className="space-y-2 border-b border-zinc-100 px-5 py-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={STATUS_TONE[message.status]}>{message.status}</Badge>
          {message.template ? <Badge className="font-mono">{message.template}</Badge> : null}
        </div>
        <h2 className="text-lg font-semibold text-zinc-900">{message.subject}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-zinc-500">To</dt>
          <dd className="break-all text-zinc-800">{message.to}</dd>
          <dt className="text-zinc-500">Date</dt>
          <dd className="text-zinc-800">{formatDateTime(message.createdAt)}</dd>
        </dl>
        {message.error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{message.error}</p> : null}
      </div>
      {links.length > 0 ? (
        <div className="space-y-2 border-b border-zinc-100 bg-zinc-50/70 px-5 py-4">
          <p className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Links in this message</p>
          <ul className="space-y-2">
            {links.map((url) => (
              <li key={url} className="flex flex-col gap-2 sm:flex-row sm:items-center">
                <code className="min-w-0 flex-1 rounded-md border border-zinc-200 bg-white px-2 py-1.5 text-xs break-all text-zinc-700" data-testid="outbox-link">
                  {url}
                </code>
                <div className="flex shrink-0 gap-2">
                  <Button size="sm" asChild>
                    <a href={url}>
                      <ExternalLink aria-hidden />
                      Open link
                    </a>
                  </Button>
                  <CopyButton value={url} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="px-5 py-4">
        {message.html ? (
          <fieldset className="mb-3 inline-flex rounded-md border border-zinc-200 p-0.5 text-xs">
            <legend className="sr-only">Message format</legend>
            {(["text", "html"] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                onClick={() => setView(v)}
                className={view === v ? "rounded bg-zinc-900 px-2.5 py-1 text-white" : "rounded px-2.5 py-1 text-zinc-600 hover:bg-zinc-100"}
              >
                {v === "text" ? "Text" : "HTML"}
              </button>
            ))}
          </fieldset>
        ) : null}
        {view === "html" && message.html ? (
          // An empty sandbox: no scripts, no same-origin access, no form posts.
          <iframe title="HTML version of the email" sandbox="" srcDoc={message.html} className="h-[480px] w-full rounded-md border border-zinc-200 bg-white" />
        ) : (
          <pre className="font-sans text-sm leading-relaxed break-words whitespace-pre-wrap text-zinc-800">
            <Linkified text={message.text} />
          </pre>
        )}
      </div>
    </Card>
  );
}
