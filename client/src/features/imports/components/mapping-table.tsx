import type { ImportTarget } from "@shared/contracts/imports";
import { NativeSelect } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

/** One row per CSV column: its header, sample values and the field it goes to ("Don't import" = null). */
export function MappingTable({
  headers,
  sample,
  targets,
  mapping,
  onChange,
  errors,
}: {
  headers: string[];
  sample: string[][];
  targets: ImportTarget[];
  mapping: (string | null)[];
  onChange: (index: number, target: string | null) => void;
  /** Messages per column index. */
  errors: Map<number, string>;
}) {
  const builtIn = targets.filter((t) => !t.custom);
  const custom = targets.filter((t) => t.custom);
  const taken = new Map(mapping.flatMap((t, i) => (t ? [[t, i] as const] : [])));
  return (
    <div className="overflow-x-auto">
      <Table>
        <THead>
          <TR>
            <TH>Column in your file</TH>
            <TH>Sample values</TH>
            <TH className="w-72">Import as</TH>
          </TR>
        </THead>
        <TBody>
          {headers.map((header, i) => {
            const selectId = `map-${i}`;
            const error = errors.get(i);
            const samples = sample.map((r) => r[i] ?? "").filter(Boolean).slice(0, 3);
            return (
              // Headers may repeat or be blank: the column position is the identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: columns never reorder
              <TR key={i}>
                <TD className="font-medium text-zinc-900">
                  <label htmlFor={selectId}>{header || `Column ${i + 1}`}</label>
                </TD>
                <TD className="max-w-xs truncate text-zinc-500">{samples.length ? samples.join(" · ") : <span className="italic">empty</span>}</TD>
                <TD>
                  <NativeSelect
                    id={selectId}
                    value={mapping[i] ?? ""}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${selectId}-error` : undefined}
                    onChange={(e) => onChange(i, e.target.value || null)}
                  >
                    <option value="">Don't import</option>
                    <optgroup label="Fields">
                      {builtIn.map((t) => (
                        <option key={t.key} value={t.key} disabled={taken.has(t.key) && taken.get(t.key) !== i}>
                          {t.label}
                          {t.required ? " (required)" : ""}
                        </option>
                      ))}
                    </optgroup>
                    {custom.length ? (
                      <optgroup label="Custom fields">
                        {custom.map((t) => (
                          <option key={t.key} value={t.key} disabled={taken.has(t.key) && taken.get(t.key) !== i}>
                            {t.label}
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                  </NativeSelect>
                  {error ? (
                    <p id={`${selectId}-error`} className="mt-1 text-xs text-red-600">
                      {error}
                    </p>
                  ) : null}
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
