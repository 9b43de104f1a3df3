import type { OutboxMessageDto } from "@shared/contracts/admin";
import { cn } from "@/lib/cn";
import { formatRelative } from "@/lib/format";

/** Captured emails, newest first; the selected one is highlighted. */
export function OutboxList({
  messages,
  selectedId,
  onSelect,
}: {
  messages: OutboxMessageDto[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <ul className="divide-y divide-zinc-100" data-testid="outbox-list">
      {messages.map((m) => {
        const selected = m.id === selectedId;
        return (
          <li key={m.id}>
            <button
              type="button"
              onClick={() => onSelect(m.id)}
              aria-current={selected ? "true" : undefined}
              className={cn(
                "block w-full px-4 py-3 text-left transition-colors",
                selected ? "bg-brand-soft" : "hover:bg-zinc-50",
              )}
            >
              <div className="flex items-baseline justify-between gap-2">
                <p className="truncate text-sm font-medium text-zinc-900">{m.subject}</p>
                <span className="shrink-0 text-xs text-zinc-400">{formatRelative(m.createdAt)}</span>
              </div>
              <p className="mt-0.5 flex items-center gap-1.5 truncate text-xs text-zinc-500">
                {m.status === "failed" ? (
                  <>
                    <span className="size-1.5 shrink-0 rounded-full bg-red-500" aria-hidden />
                    <span className="sr-only">Failed.</span>
                  </>
                ) : null}
                To {m.to}
              </p>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
