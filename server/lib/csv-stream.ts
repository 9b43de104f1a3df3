import { once } from "node:events";
import type { Response } from "express";
import type { CustomFieldDefinitionDto } from "../../shared/contracts/custom-fields";

/** One CSV field: quoted when needed, quotes doubled; a leading =+-@ is defused against spreadsheet formula injection. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with its CRLF. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** A custom value as one CSV cell: choices joined by "; ", money as "amount currency" in minor units. */
export function customFieldCell(def: Pick<CustomFieldDefinitionDto, "type">, value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join("; ");
  if (def.type === "money" && typeof value === "object") {
    const m = value as { amountMinor?: unknown; currency?: unknown };
    return `${m.amountMinor} ${m.currency}`;
  }
  return value;
}

/**
 * Pages of a keyset list: asks for `batch + 1` rows (the list's convention), yields up to `batch`,
 * and continues from the last row's cursor until a page comes back short.
 */
export async function* keysetPages<R>(fetch: (cursor: string | undefined, limit: number) => Promise<R[]>, batch: number, cursorOf: (last: R) => string): AsyncGenerator<R[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await fetch(cursor, batch);
    const page = rows.slice(0, batch);
    if (page.length) yield page;
    if (rows.length <= batch) return;
    cursor = cursorOf(page[page.length - 1]!);
  }
}

/**
 * Streams a CSV download: the headers, the header row, then every page's rows, waiting for the
 * socket to drain (flat memory whatever the size) and stopping if the client goes away. Call it
 * once everything that can fail with a clean 4xx has been checked: after the first byte an error
 * can only abort the transfer (the client sees a failed download, never a silently short file).
 */
export async function streamCsv(res: Response, fileName: string, header: readonly unknown[], pages: AsyncIterable<readonly (readonly unknown[])[]>): Promise<void> {
  res.status(200);
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${fileName.replace(/[^\w.-]+/g, "_")}"`);
  res.setHeader("Cache-Control", "no-store");
  res.write(csvLine(header));
  try {
    for await (const rows of pages) {
      const chunk = rows.map(csvLine).join("");
      if (chunk && !res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
      if (res.destroyed) break;
    }
  } catch (err) {
    res.destroy();
    throw err;
  }
  res.end();
}

/** `<name>-YYYY-MM-DD.csv` for today. */
export function datedCsvName(name: string): string {
  return `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
}
