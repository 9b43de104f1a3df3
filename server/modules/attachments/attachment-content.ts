import { Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { fileTypeFromBuffer, fileTypeFromStream } from "file-type";
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_NAME_MAX, type AttachmentContentType } from "../../../shared/contracts/attachments";
import { AppError } from "../../../shared/errors";

const ALLOWED = new Set<string>(ATTACHMENT_CONTENT_TYPES);
// Bytes file-type needs for its first-bytes checks; the head is sniffed as soon as it is in.
const HEAD_BYTES = 4100;
// Markup a browser would render (HTML, SVG, XML with scripts): refused even though it is "text".
const MARKUP = /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|a\s|img|style|xsl)/i;

/** 413 file_too_large with the limit in the details. */
export function fileTooLarge(maxBytes: number): AppError {
  return new AppError("file_too_large", `The file is larger than the ${formatLimit(maxBytes)} upload limit.`, { maxBytes });
}

/** 415 unsupported_file_type. */
export function unsupportedFileType(detected?: string): AppError {
  return new AppError("unsupported_file_type", undefined, detected ? { detected } : undefined);
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

/** What the inspector learned while the bytes streamed through. */
export interface StreamFacts {
  head: Buffer;
  hasNul: boolean;
}

/**
 * A pass-through that stops the upload as soon as it passes `maxBytes` (413), refuses a file whose
 * first bytes already name a type we do not accept (415, before the rest is written), and records
 * the head and whether any NUL byte occurred (plain text has none).
 */
export function uploadInspector(maxBytes: number): { stream: Transform; facts: StreamFacts } {
  const facts: StreamFacts = { head: Buffer.alloc(0), hasNul: false };
  let size = 0;
  let sniffed = false;
  const sniffHead = async (): Promise<void> => {
    sniffed = true;
    // A head the parser chokes on is left for the whole-file check to decide.
    const type = await fileTypeFromBuffer(facts.head).catch(() => undefined);
    // A zip-based head may still turn out to be an Office file: decided on the whole file later.
    if (type && !ALLOWED.has(type.mime) && !isZip(type.mime)) throw unsupportedFileType(type.mime);
  };
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) return cb(fileTooLarge(maxBytes));
      if (!facts.hasNul && chunk.includes(0)) facts.hasNul = true;
      if (facts.head.length < HEAD_BYTES) facts.head = Buffer.concat([facts.head, chunk.subarray(0, HEAD_BYTES - facts.head.length)]);
      if (!sniffed && facts.head.length >= HEAD_BYTES) {
        sniffHead().then(() => cb(null, chunk), cb);
        return;
      }
      cb(null, chunk);
    },
    flush(cb) {
      if (sniffed) return cb();
      sniffHead().then(() => cb(), cb);
    },
  });
  return { stream, facts };
}

function isZip(mime: string): boolean {
  return mime === "application/zip" || mime === "application/x-zip-compressed";
}

/**
 * The accepted content type of a stored file, from its bytes (file-type reads the magic numbers and,
 * for zips, the entry names that mark DOCX/XLSX/PPTX); text is accepted only without NUL bytes and
 * without markup. Throws 415 otherwise. `fileName` only picks text/csv over text/plain.
 */
export async function detectContentType(read: () => Promise<Readable>, facts: StreamFacts, fileName: string): Promise<AttachmentContentType> {
  if (facts.head.length === 0) throw new AppError("validation_failed", "The file is empty.", { issues: [{ path: "body.file", message: "The file is empty" }] });
  const stream = await read();
  try {
    // The web-stream form works under both of file-type's entry points (node and browser-neutral core).
    // A file its parser cannot read (a corrupt archive, say) is refused rather than a 500.
    const type = await fileTypeFromStream(Readable.toWeb(stream) as WebReadableStream<Uint8Array>).catch(() => {
      throw unsupportedFileType();
    });
    if (type) {
      if (!ALLOWED.has(type.mime)) throw unsupportedFileType(type.mime);
      return type.mime as AttachmentContentType;
    }
  } finally {
    stream.destroy();
  }
  const text = facts.head.toString("utf8");
  if (facts.hasNul || MARKUP.test(text)) throw unsupportedFileType();
  return /\.csv$/i.test(fileName) ? "text/csv" : "text/plain";
}

/**
 * The uploader's file name made safe to show and to put in a Content-Disposition header: base name
 * only, no control or path characters, trimmed, at most ATTACHMENT_NAME_MAX characters (extension kept).
 */
export function sanitizeFileName(raw: string | undefined): string {
  const base = (raw ?? "").normalize("NFC").split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  let name = base.replace(/[\u0000-\u001f\u007f-\u009f"<>:|?*\u202a-\u202e\u2066-\u2069]/g, "").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  if (!name) name = "file";
  if ([...name].length > ATTACHMENT_NAME_MAX) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = [...name.slice(0, name.length - ext.length)].slice(0, ATTACHMENT_NAME_MAX - ext.length).join("") + ext;
  }
  return name;
}
