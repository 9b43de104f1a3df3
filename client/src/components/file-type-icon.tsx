import { File, FileArchive, FileImage, FileSpreadsheet, FileText, Presentation } from "lucide-react";
import { cn } from "@/lib/cn";

/** An icon for a file's (sniffed) content type. */
export function FileTypeIcon({ contentType, className }: { contentType: string; className?: string }) {
  const Icon = contentType.startsWith("image/")
    ? FileImage
    : contentType.includes("spreadsheet") || contentType === "text/csv"
      ? FileSpreadsheet
      : contentType.includes("presentation")
        ? Presentation
        : contentType === "application/zip"
          ? FileArchive
          : contentType === "application/pdf" || contentType.includes("wordprocessing") || contentType === "text/plain"
            ? FileText
            : File;
  return <Icon className={cn("size-5 shrink-0 text-zinc-500", className)} aria-hidden />;
}
