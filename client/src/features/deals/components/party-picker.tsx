import { X } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { type PartyOption, usePartySearch } from "../api/search-parties";

/**
 * Picks a client or a lead the user can see by typing part of its name. Shows the chosen one with
 * a button to clear it.
 */
export function PartyPicker({
  kind,
  label,
  value,
  onChange,
  error,
  disabled,
}: {
  kind: "clients" | "leads";
  label: string;
  value: PartyOption | null;
  onChange: (next: PartyOption | null) => void;
  error?: string;
  disabled?: boolean;
}) {
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const id = useId();
  const results = usePartySearch(kind, q, open && !value && !disabled);
  const options = results.data?.data ?? [];
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        {label}
      </label>
      {value ? (
        <div className="flex items-center justify-between gap-2 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-1.5 text-sm">
          <span className="truncate" id={id}>
            {value.name}
          </span>
          {disabled ? null : (
            <Button variant="ghost" size="sm" aria-label={`Clear ${label.toLowerCase()}`} onClick={() => onChange(null)}>
              <X aria-hidden />
            </Button>
          )}
        </div>
      ) : (
        <div className="relative">
          <Input
            id={id}
            value={q}
            disabled={disabled}
            onChange={(e) => {
              setQ(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            placeholder={`Search ${kind}…`}
            autoComplete="off"
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {open && options.length > 0 ? (
            <ul className="absolute z-20 mt-1 max-h-56 w-full overflow-y-auto rounded-md border border-zinc-200 bg-white py-1 shadow-lg" aria-label={`Matching ${kind}`}>
              {options.map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    className="block w-full truncate px-3 py-1.5 text-left text-sm hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none"
                    onClick={() => {
                      onChange({ id: o.id, name: o.name });
                      setQ("");
                      setOpen(false);
                    }}
                  >
                    {o.name}
                  </button>
                </li>
              ))}
            </ul>
          ) : open && q && results.isSuccess && options.length === 0 ? (
            <p className="mt-1 text-xs text-zinc-500">No {kind} match “{q}”.</p>
          ) : null}
        </div>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
