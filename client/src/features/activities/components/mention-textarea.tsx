import { type KeyboardEvent, useId, useRef, useState } from "react";
import { Textarea } from "@/components/ui/input";
import { cn } from "@/lib/cn";

export interface Person {
  id: string;
  name: string;
}

/** The "@query" being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,30})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/**
 * A textarea where typing "@" offers team members (↑/↓ to move, Enter or Tab to pick, Esc to
 * close); picking inserts "@Name " and reports the person.
 */
export function MentionTextarea({
  value,
  onChange,
  people,
  onMention,
  id,
  ...aria
}: {
  value: string;
  onChange: (value: string) => void;
  people: Person[];
  onMention: (person: Person) => void;
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = query
    ? people.filter((p) => p.name.toLowerCase().includes(query.query.toLowerCase())).slice(0, 6)
    : [];
  const open = matches.length > 0;

  const update = (text: string, caret: number) => {
    onChange(text);
    setQuery(mentionQuery(text, caret));
    setActive(0);
  };

  const pick = (person: Person) => {
    if (!query) return;
    const caret = ref.current?.selectionStart ?? value.length;
    const insert = `@${person.name} `;
    const next = value.slice(0, query.start) + insert + value.slice(caret);
    onChange(next);
    onMention(person);
    setQuery(null);
    const pos = query.start + insert.length;
    requestAnimationFrame(() => ref.current?.setSelectionRange(pos, pos));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      const person = matches[active];
      if (person) pick(person);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setQuery(null);
    }
  };

  return (
    <div className="relative">
      <Textarea
        ref={ref}
        id={id}
        {...aria}
        rows={3}
        value={value}
        placeholder="Write a note… type @ to mention a teammate"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(e) => update(e.target.value, e.target.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Team members"
        hidden={!open}
        className="absolute top-full left-0 z-20 mt-1 max-h-56 w-64 max-w-full overflow-auto rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg"
      >
        {matches.map((p, i) => (
          <div
            key={p.id}
            tabIndex={-1}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={cn("cursor-pointer rounded-md px-2.5 py-1.5", i === active ? "bg-zinc-100 text-zinc-900" : "text-zinc-700")}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(p);
            }}
            onMouseEnter={() => setActive(i)}
          >
            {p.name}
          </div>
        ))}
      </div>
    </div>
  );
}
