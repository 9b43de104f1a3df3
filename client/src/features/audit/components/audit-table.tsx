import type { AuditLogDto } from "@shared/contracts/audit";
import { ChevronRight } from "lucide-react";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDateTime, formatRelative } from "@/lib/format";

function ActionBadge({ action, className }: { action: string; className?: string }) {
  const tone = /deactivat|delet|revok|fail/.test(action) ? "danger" : /creat|invit|activat/.test(action) ? "success" : "neutral";
  return (
    <Badge tone={tone} className={cn("font-mono", className)}>
      {action}
    </Badge>
  );
}

function Details({ entry }: { entry: AuditLogDto }) {
  return (
    <div className="space-y-2 text-xs">
      {entry.changes ? (
        <pre className="max-h-80 overflow-auto rounded-lg bg-zinc-900 p-3 font-mono text-[12px] leading-relaxed text-zinc-100">
          {JSON.stringify(entry.changes, null, 2)}
        </pre>
      ) : (
        <p className="text-zinc-500">No field changes were recorded for this entry.</p>
      )}
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-zinc-500">
        <span>At {formatDateTime(entry.createdAt)}</span>
        {entry.entityId ? <span className="font-mono">Entity {entry.entityId}</span> : null}
        {entry.ip ? <span>IP {entry.ip}</span> : null}
        {entry.requestId ? <span className="font-mono">Request {entry.requestId}</span> : null}
      </p>
    </div>
  );
}

/** Audit entries; each row expands to show its changes JSON. `compact` drops the entity column. */
export function AuditTable({ entries, compact = false }: { entries: AuditLogDto[]; compact?: boolean }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table data-testid="audit-table">
      <THead>
        <tr>
          <TH className="w-10">
            <span className="sr-only">Details</span>
          </TH>
          <TH>When</TH>
          <TH>Actor</TH>
          <TH className="hidden sm:table-cell">Action</TH>
          {compact ? null : <TH className="hidden md:table-cell">Entity</TH>}
        </tr>
      </THead>
      <TBody>
        {entries.map((e) => {
          const expanded = open.has(e.id);
          return (
            <Fragment key={e.id}>
              <TR>
                <TD className="py-2 pr-0">
                  <button
                    type="button"
                    onClick={() => toggle(e.id)}
                    aria-expanded={expanded}
                    aria-controls={`audit-${e.id}`}
                    aria-label={expanded ? "Hide changes" : "Show changes"}
                    className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
                  >
                    <ChevronRight className={cn("size-4 transition-transform", expanded && "rotate-90")} aria-hidden />
                  </button>
                </TD>
                <TD className="whitespace-nowrap" title={formatDateTime(e.createdAt)}>
                  {formatRelative(e.createdAt)}
                </TD>
                <TD className="max-w-48">
                  <p className="truncate font-medium text-zinc-800">{e.actorName ?? "System"}</p>
                  {e.actorEmail ? <p className="truncate text-xs text-zinc-500">{e.actorEmail}</p> : null}
                  <div className="mt-1 sm:hidden">
                    <ActionBadge action={e.action} className="whitespace-normal break-all" />
                  </div>
                </TD>
                <TD className="hidden sm:table-cell">
                  <ActionBadge action={e.action} />
                </TD>
                {compact ? null : (
                  <TD className="hidden md:table-cell">
                    <span className="text-zinc-800">{e.entityType}</span>
                    {e.entityId ? <span className="ml-1.5 font-mono text-xs text-zinc-400">{e.entityId.slice(0, 8)}</span> : null}
                  </TD>
                )}
              </TR>
              {expanded ? (
                <tr id={`audit-${e.id}`} className="bg-zinc-50/70">
                  <td colSpan={compact ? 4 : 5} className="px-4 pt-1 pb-4">
                    <Details entry={e} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}
