import { Readable } from "node:stream";
import busboy from "busboy";
import { CsvError, type Options as CsvOptions, parse } from "csv-parse";
import type { Request } from "express";
import type pg from "pg";
import { IMPORT_MAX_BYTES, IMPORT_MAX_COLUMNS } from "../../../shared/contracts/imports";
import { errors } from "../../../shared/errors";

/** Size of one stored piece of an uploaded file. */
export const FILE_CHUNK_BYTES = 1024 * 1024;
const SAMPLE_ROWS = 5;
export const NOT_UTF8_MESSAGE = "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”; in Numbers or Google Sheets, export it as CSV.";

/** What the upload learnt about the file while storing it. */
export interface StoredFile {
  fileName: string;
  size: number;
  headers: string[];
  sample: string[][];
  /** Data rows (header excluded, empty lines skipped). */
  rows: number;
}

/** The delimiter of a CSV: the most frequent of , ; and tab on its first line (outside quotes). */
export function detectDelimiter(head: string): string {
  const line = head.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  const [best, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ",";
}

/** csv-parse options shared by the upload sniffing and the import run (so both count rows alike). */
export function csvOptions(delimiter: string): CsvOptions {
  return { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, max_record_size: 1_000_000 };
}

/** A parse error as a 400 naming the line. */
export function csvProblem(err: unknown): Error {
  if (err instanceof CsvError) return errors.validation([{ path: "body.file", message: `The file is not valid CSV: ${err.message}` }]);
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * Streams a multipart upload (one `file` part) into `import_files` in ~1 MB pieces through `client`
 * (the caller's transaction), sniffing the header, a sample and the row count on the way. Memory
 * holds one piece at a time, whatever the file's size.
 */
export function storeUpload(req: Request, client: pg.PoolClient, importId: string): Promise<StoredFile> {
  const type = req.headers["content-type"] ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    return Promise.reject(errors.validation([{ path: "body.file", message: "Upload the file as multipart/form-data" }]));
  }
  return new Promise<StoredFile>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: IMPORT_MAX_BYTES, fields: 10, parts: 12 } });
    } catch (err) {
      reject(errors.validation([{ path: "body.file", message: err instanceof Error ? err.message : "Invalid upload" }]));
      return;
    }
    let work: Promise<StoredFile> | null = null;
    bb.on("file", (field, stream, info) => {
      if (field !== "file" || work) {
        stream.resume();
        return;
      }
      work = consume(stream, info.filename || "import.csv", client, importId);
      // Keep the stream flowing to the end on failure, so busboy can finish the request.
      work.catch(() => stream.resume());
    });
    bb.on("error", (err) => reject(errors.validation([{ path: "body.file", message: err instanceof Error ? err.message : "Invalid upload" }])));
    bb.on("close", () => {
      if (!work) reject(errors.validation([{ path: "body.file", message: "Choose a CSV file" }]));
      else work.then(resolve, reject);
    });
    req.pipe(bb);
  });
}

async function consume(stream: Readable & { truncated?: boolean }, fileName: string, client: pg.PoolClient, importId: string): Promise<StoredFile> {
  let seq = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let parser: ReturnType<typeof parse> | null = null;
  let headers: string[] | null = null;
  const sample: string[][] = [];
  let rows = 0;
  let parseError: unknown = null;
  // Excel on Windows saves "CSV" in Windows-1252: read as UTF-8, every é would be stored as U+FFFD.
  // A file that is not UTF-8 (or not text at all) is refused while it streams in, before any row is read.
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let notUtf8 = false;

  const flush = async () => {
    if (!pendingBytes) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await client.query("insert into import_files (import_id, seq, data) values ($1, $2, $3)", [importId, seq++, data]);
  };

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (!parser) {
      parser = parse(csvOptions(detectDelimiter(chunk.subarray(0, 64 * 1024).toString("utf8"))));
      parser.on("data", (record: string[]) => {
        if (!headers) headers = record;
        else {
          rows++;
          if (sample.length < SAMPLE_ROWS) sample.push(record);
        }
      });
      parser.on("error", (err) => {
        parseError ??= err;
      });
    }
    size += chunk.length;
    if (!notUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        notUtf8 = true;
      }
    }
    if (!parseError) parser.write(chunk);
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= FILE_CHUNK_BYTES) await flush();
  }
  if (stream.truncated) throw errors.validation([{ path: "body.file", message: `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB` }]);
  await flush();
  if (!notUtf8) {
    try {
      utf8.decode();
    } catch {
      notUtf8 = true;
    }
  }
  if (notUtf8) throw errors.validation([{ path: "body.file", message: NOT_UTF8_MESSAGE }]);
  if (parser && !parseError) {
    const p = parser;
    await new Promise<void>((resolve) => {
      p.once("end", resolve);
      p.once("error", () => resolve());
      p.end();
    });
  }
  if (parseError) throw csvProblem(parseError);
  const header = (headers ?? []) as string[];
  if (!header.length || header.every((h) => !h.trim())) throw errors.validation([{ path: "body.file", message: "The file is empty: it needs a header row and at least one row below it" }]);
  if (header.length > IMPORT_MAX_COLUMNS) throw errors.validation([{ path: "body.file", message: `The file has more than ${IMPORT_MAX_COLUMNS} columns` }]);
  if (!rows) throw errors.validation([{ path: "body.file", message: "The file has no rows below the header" }]);
  return { fileName: fileName.slice(0, 200), size, headers: header.map((h) => h.trim()), sample, rows };
}

/** The stored file as a stream, one piece (one query) at a time. */
export function readStoredFile(pool: pg.Pool, importId: string): Readable {
  async function* pieces() {
    for (let seq = 0; ; seq++) {
      const { rows } = await pool.query<{ data: Buffer }>("select data from import_files where import_id = $1 and seq = $2", [importId, seq]);
      if (!rows[0]) return;
      yield rows[0].data;
    }
  }
  return Readable.from(pieces(), { objectMode: false });
}

/** One data row of the file: its spreadsheet row number (the header is row 1) and its cells. */
export interface FileRow {
  row: number;
  cells: string[];
}

/**
 * The file's data rows in batches of `size`, streamed: the header is dropped, and rows up to
 * `afterDataRows` (a checkpoint) are skipped without being held.
 */
export async function* fileBatches(pool: pg.Pool, importId: string, size: number, afterDataRows = 0): AsyncGenerator<FileRow[]> {
  const source = readStoredFile(pool, importId);
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value as Buffer;
  const parser = parse(csvOptions(detectDelimiter(head.subarray(0, 64 * 1024).toString("utf8"))));
  const input = Readable.from(
    (async function* () {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
    })(),
  );
  input.on("error", (err) => parser.destroy(err));
  input.pipe(parser);
  let index = -1;
  let batch: FileRow[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      index++;
      if (index === 0 || index <= afterDataRows) continue;
      batch.push({ row: index + 1, cells: record });
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  } catch (err) {
    throw csvProblem(err);
  }
  if (batch.length) yield batch;
}

