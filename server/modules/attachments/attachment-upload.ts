import { pipeline } from "node:stream";
import busboy from "busboy";
import type { Request } from "express";
import { AppError, errors } from "../../../shared/errors";
import type { FileStorage, StoredObject } from "../../lib/storage";
import { type StreamFacts, uploadInspector } from "./attachment-content";

/** A file received from a multipart request and already in storage (not yet type-checked). */
export interface ReceivedUpload {
  stored: StoredObject;
  /** The name the client sent (raw; sanitize before showing or storing). */
  rawName: string;
  facts: StreamFacts;
  /** Other form fields, by name (last value wins). */
  fields: Record<string, string>;
}

const FIELD_NAMES = new Set(["sharedWithClient"]);

/**
 * Streams the single `file` part of a multipart request into storage without buffering it: the
 * inspector stops at `maxBytes` (413) or on a refused type (415), and a failed upload leaves no file
 * behind. The rest of a refused request body is drained so the client still reads the answer.
 */
export function receiveUpload(req: Request, storage: FileStorage, maxBytes: number): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: "utf8", limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 12 } });
    } catch {
      reject(new AppError("bad_request", "The multipart body could not be read (missing boundary)."));
      return;
    }
    const fields: Record<string, string> = {};
    let upload: Promise<ReceivedUpload> | undefined;
    let abortFile: ((err: Error) => void) | undefined;
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      abortFile?.(err instanceof Error ? err : new Error(String(err)));
      // A file that was stored before the request failed (e.g. a second file followed) goes again.
      upload?.then((r) => storage.delete(r.stored.key), () => undefined);
      req.unpipe(parser);
      req.resume();
      reject(err);
    };

    parser.on("field", (name, value) => {
      if (!FIELD_NAMES.has(name)) return fail(errors.validation([{ path: `body.${name}`, message: "Unknown form field" }]));
      fields[name] = value;
    });
    // Browsers send file names as raw UTF-8 (busboy would read them as latin1).
    parser.on("file", (name, file, info) => {
      if (name !== "file") {
        file.resume();
        return fail(errors.validation([{ path: `body.${name}`, message: "Send the file in the field named file" }]));
      }
      const inspector = uploadInspector(maxBytes);
      const source = pipeline(file, inspector.stream, () => undefined);
      abortFile = (err) => source.destroy(err);
      upload = storage.put(source).then((stored) => ({ stored, rawName: info.filename, facts: inspector.facts, fields }));
      upload.catch(fail);
    });
    parser.on("filesLimit", () => fail(errors.validation([{ path: "body.file", message: "Send one file per request" }])));
    parser.on("fieldsLimit", () => fail(errors.validation([{ path: "body", message: "Too many form fields" }])));
    parser.on("partsLimit", () => fail(errors.validation([{ path: "body", message: "Too many form parts" }])));
    parser.on("error", () => fail(new AppError("bad_request", "The multipart body could not be read.")));
    parser.on("close", () => {
      if (!upload) return fail(errors.validation([{ path: "body.file", message: "Choose a file to upload" }]));
      upload.then(
        (received) => {
          if (settled) return;
          settled = true;
          resolve(received);
        },
        fail,
      );
    });
    req.on("aborted", () => fail(new AppError("bad_request", "The upload was interrupted.")));
    req.on("error", fail);
    req.pipe(parser);
  });
}
