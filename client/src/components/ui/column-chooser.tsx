import { Columns3 } from "lucide-react";
import { Popover } from "radix-ui";
import { useId } from "react";
import { Button } from "./button";
import { Checkbox } from "./input";

export interface ChoosableColumn {
  id: string;
  label: string;
}

/** A "Columns" button listing every column with a checkbox to show or hide it. */
export function ColumnChooser({ columns, hidden, onToggle }: { columns: ChoosableColumn[]; hidden: ReadonlySet<string>; onToggle: (id: string) => void }) {
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
          className="z-50 max-h-80 w-56 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-2 shadow-lg"
          aria-label="Choose columns"
        >
          <p className="px-2 pb-1 text-xs font-semibold text-zinc-500 uppercase">Show columns</p>
          <ul>
            {columns.map((c) => (
              <li key={c.id}>
                <label
                  htmlFor={`${baseId}-${c.id}`}
                  className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-zinc-700 hover:bg-zinc-50"
                >
                  <Checkbox id={`${baseId}-${c.id}`} checked={!hidden.has(c.id)} onChange={() => onToggle(c.id)} />
                  <span className="truncate">{c.label}</span>
                </label>
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
