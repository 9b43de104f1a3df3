import { Upload } from "lucide-react";
import { type DragEvent, useId, useRef, useState } from "react";
import { cn } from "@/lib/cn";

/** What the picker offers (a hint only: the server decides from the file's content). */
export const ACCEPTED_FILES = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.txt,.csv,.zip";

/** A drop zone that is also a keyboard-reachable file picker; hands every chosen file to `onFiles`. */
export function UploadDropzone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length) onFiles(files);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files);
  };
  return (
    <section
      aria-label="Upload files"
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="attachments-dropzone"
      className={cn(
        "flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm transition-colors",
        over ? "border-brand bg-brand/5" : "border-zinc-200 bg-zinc-50",
        disabled && "opacity-60",
      )}
    >
      <Upload className="size-5 text-zinc-400" aria-hidden />
      <p className="text-zinc-600">
        Drag files here, or{" "}
        <label htmlFor={inputId} className="cursor-pointer font-medium text-brand underline-offset-2 hover:underline focus-within:underline">
          choose files
        </label>
      </p>
      <p className="text-xs text-zinc-500">PDF, images, Word/Excel/PowerPoint, text/CSV or ZIP.</p>
      <input
        ref={input}
        id={inputId}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        disabled={disabled}
        className="sr-only"
        aria-label="Choose files to upload"
        onChange={(e) => {
          take(e.target.files);
          // Let the same file be chosen again after an error.
          if (input.current) input.current.value = "";
        }}
      />
    </section>
  );
}
