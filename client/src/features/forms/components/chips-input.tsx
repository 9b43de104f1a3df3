import { X } from "lucide-react";
import { type KeyboardEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * A list of short values shown as removable chips, with an input that adds one on Enter or "Add".
 * `normalise` returns the value to store, or an error message to show instead.
 */
export function ChipsInput({
  id,
  values,
  onChange,
  placeholder,
  normalise,
  describedBy,
  invalid,
  noun,
}: {
  id: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder: string;
  normalise: (raw: string) => { value: string } | { error: string };
  describedBy?: string;
  invalid?: boolean;
  noun: string;
}) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    if (!draft.trim()) return;
    const result = normalise(draft);
    if ("error" in result) {
      setError(result.error);
      return;
    }
    if (!values.includes(result.value)) onChange([...values, result.value]);
    setDraft("");
    setError(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      add();
    }
  };
  return (
    <div className="space-y-2">
      {values.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={`${noun} list`}>
          {values.map((v) => (
            <li key={v} className="inline-flex items-center gap-1 rounded-full bg-zinc-100 py-0.5 pr-1 pl-2.5 text-xs font-medium text-zinc-800">
              {v}
              <button type="button" className="rounded-full p-0.5 hover:bg-zinc-200" aria-label={`Remove ${v}`} onClick={() => onChange(values.filter((x) => x !== v))}>
                <X className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex gap-2">
        <Input
          id={id}
          value={draft}
          placeholder={placeholder}
          aria-invalid={invalid || !!error}
          aria-describedby={[describedBy, error ? `${id}-chip-error` : undefined].filter(Boolean).join(" ") || undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <Button type="button" variant="secondary" onClick={add}>
          Add
        </Button>
      </div>
      {error ? (
        <p id={`${id}-chip-error`} role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
