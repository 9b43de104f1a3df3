import { X } from "lucide-react";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import type { CustomFieldDef } from "@/lib/custom-fields";
import { useUrlSyncedText } from "@/lib/use-url-synced-text";

/** "key:value" → its parts ("" when absent or malformed). */
export function parseCustomFieldFilter(filter: string): { key: string; value: string } {
  const i = filter.indexOf(":");
  return i > 0 ? { key: filter.slice(0, i), value: filter.slice(i + 1) } : { key: "", value: "" };
}

// Money has no single-value filter in the API.
const filterable = (d: CustomFieldDef) => d.type !== "money";

/** One custom-field filter: choose a field, then a value control that fits its type; emits `key:value`. */
export function CustomFieldFilter({ definitions, value, onChange }: { definitions: CustomFieldDef[]; value: string; onChange: (next: string) => void }) {
  const fields = definitions.filter(filterable);
  const parsed = parseCustomFieldFilter(value);
  // A field chosen without a value yet lives only in the URL-less local state of the select.
  const def = fields.find((d) => d.key === parsed.key);
  const commitText = useCallback((text: string) => def && onChange(text ? `${def.key}:${text}` : `${def.key}:`), [def, onChange]);
  const [text, setText] = useUrlSyncedText(def && (def.type === "text" || def.type === "url" || def.type === "number") ? parsed.value : "", commitText, 400);
  if (fields.length === 0) return null;

  const setValue = (v: string) => def && onChange(`${def.key}:${v}`);
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="custom-field-filter">
      <NativeSelect
        aria-label="Filter by custom field"
        value={def?.key ?? ""}
        onChange={(e) => onChange(e.target.value ? `${e.target.value}:` : "")}
        className="w-44"
      >
        <option value="">Filter by field…</option>
        {fields.map((d) => (
          <option key={d.key} value={d.key}>
            {d.label}
          </option>
        ))}
      </NativeSelect>
      {def ? (
        def.type === "select" || def.type === "multi_select" ? (
          <NativeSelect aria-label={`${def.label} value`} value={parsed.value} onChange={(e) => setValue(e.target.value)} className="w-40">
            <option value="">Any</option>
            {def.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </NativeSelect>
        ) : def.type === "checkbox" ? (
          <NativeSelect aria-label={`${def.label} value`} value={parsed.value} onChange={(e) => setValue(e.target.value)} className="w-28">
            <option value="">Any</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </NativeSelect>
        ) : def.type === "date" ? (
          <Input type="date" aria-label={`${def.label} value`} value={parsed.value} onChange={(e) => setValue(e.target.value)} className="w-40" />
        ) : (
          <Input
            aria-label={`${def.label} value`}
            inputMode={def.type === "number" ? "decimal" : undefined}
            placeholder={def.type === "number" ? "Equals…" : "Contains…"}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="w-40"
          />
        )
      ) : null}
      {def ? (
        <Button variant="ghost" size="icon-sm" aria-label="Remove field filter" onClick={() => onChange("")}>
          <X aria-hidden />
        </Button>
      ) : null}
    </div>
  );
}
