import { ArrowDown, ArrowUp, Columns3, RotateCcw } from "lucide-react";
import { Popover } from "radix-ui";
import { useId } from "react";
import type { ChoosableColumn } from "@/lib/table-columns";
import { Button } from "./button";
import { Checkbox } from "./input";

export type { ChoosableColumn } from "@/lib/table-columns";

/**
 * A "Columns" button listing every column (in display order) with a checkbox to show or hide it,
 * and, when `onMove` is given, buttons to move it up or down.
 */
export function ColumnChooser({
  columns,
  hidden,
  onToggle,
  onMove,
  onReset,
}: {
  columns: readonly ChoosableColumn[];
  hidden: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onMove?: (id: string, delta: -1 | 1) => void;
  onReset?: () => void;
}) {
  const baseId = useId();
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button variant="secondary" size="sm">
          <Columns3 aria-hidden />
          Columns
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          className="z-50 max-h-96 w-64 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-2 shadow-lg"
          aria-label="Choose columns"
        >
          <div className="flex items-center justify-between px-2 pb-1">
            <p className="text-xs font-semibold text-zinc-500 uppercase">Show columns</p>
            {onReset ? (
              <button type="button" onClick={onReset} className="inline-flex items-center gap-1 rounded text-xs text-zinc-500 hover:text-zinc-900">
                <RotateCcw className="size-3" aria-hidden />
                Reset
              </button>
            ) : null}
          </div>
          <ul>
            {columns.map((c, i) => (
              <li key={c.id} className="flex items-center gap-1 rounded hover:bg-zinc-50">
                <label htmlFor={`${baseId}-${c.id}`} className="flex min-w-0 flex-1 cursor-pointer items-center gap-2 px-2 py-1.5 text-sm text-zinc-700">
                  <Checkbox id={`${baseId}-${c.id}`} checked={!hidden.has(c.id)} onChange={() => onToggle(c.id)} />
                  <span className="truncate">{c.label}</span>
                </label>
                {onMove ? (
                  <span className="flex shrink-0 pr-1">
                    <button
                      type="button"
                      className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-800 disabled:opacity-30"
                      aria-label={`Move ${c.label} up`}
                      disabled={i === 0}
                      onClick={() => onMove(c.id, -1)}
                    >
                      <ArrowUp className="size-3.5" aria-hidden />
                    </button>
                    <button
                      type="button"
                      className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-800 disabled:opacity-30"
                      aria-label={`Move ${c.label} down`}
                      disabled={i === columns.length - 1}
                      onClick={() => onMove(c.id, 1)}
                    >
                      <ArrowDown className="size-3.5" aria-hidden />
                    </button>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
