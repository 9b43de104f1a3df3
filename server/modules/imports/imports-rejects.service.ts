import type { Response } from "express";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { streamCsv } from "../../lib/csv-stream";
import { rejectsAfter } from "./imports.repository";
import { loadVisibleImport } from "./imports.service";

const BATCH = 1000;

/**
 * Streams the rejected rows as CSV: the file's own columns, then "row" and "errors" (each
 * "Column: message", joined by "; "), in keyset batches with back-pressure (flat memory).
 */
export async function streamRejectsCsv(app: AppContext, actor: Actor, id: string, res: Response): Promise<void> {
  const db = app.database.db;
  const imp = await loadVisibleImport(db, actor, id);
  const base = imp.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_") || "import";
  async function* pages(): AsyncGenerator<unknown[][]> {
    let after = 0;
    for (;;) {
      const rows = await rejectsAfter(db, id, after, BATCH);
      if (rows.length) {
        yield rows.map((r) => {
          const cells = imp.headers.map((_, i) => r.raw[i] ?? "");
          const reasons = r.errors.map((e) => `${e.column ?? e.field}: ${e.message}`).join("; ");
          return [...cells, r.rowNumber, reasons];
        });
      }
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1]!.rowNumber;
    }
  }
  await streamCsv(res, `${base}-rejected-rows.csv`, [...imp.headers, "row", "errors"], pages());
}
