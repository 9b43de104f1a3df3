import { FileUp } from "lucide-react";
import { type DragEvent, useId, useState } from "react";
import { cn } from "@/lib/cn";

/** Drop a CSV here, or click (or press Enter/Space) to choose one. */
export function FileDropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <label
      htmlFor={id}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={cn(
        "flex cursor-pointer flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-12 text-center transition-colors focus-within:outline-2 focus-within:outline-brand",
        over ? "border-brand bg-brand-soft" : "border-zinc-300 bg-zinc-50 hover:bg-zinc-100",
        disabled && "pointer-events-none opacity-60",
      )}
    >
      <FileUp className="mb-3 size-8 text-zinc-400" aria-hidden />
      <span className="text-sm font-medium text-zinc-900">Drop a CSV file here, or click to choose one</span>
      <span className="mt-1 text-xs text-zinc-500">UTF-8, header row first; comma, semicolon or tab separated; up to 100 MB</span>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        className="sr-only"
        aria-label="CSV file"
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = "";
        }}
      />
    </label>
  );
}
