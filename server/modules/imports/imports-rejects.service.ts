import { once } from "node:events";
import type { Response } from "express";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { csvField } from "../clients/clients-export.service";
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
  res.status(200);
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${base}-rejected-rows.csv"`);
  res.setHeader("Cache-Control", "no-store");
  res.write(`${[...imp.headers, "row", "errors"].map(csvField).join(",")}\r\n`);
  let after = 0;
  try {
    for (;;) {
      const rows = await rejectsAfter(db, id, after, BATCH);
      if (!rows.length) break;
      const chunk = rows
        .map((r) => {
          const cells = imp.headers.map((_, i) => r.raw[i] ?? "");
          const reasons = r.errors.map((e) => `${e.column ?? e.field}: ${e.message}`).join("; ");
          return `${[...cells, r.rowNumber, reasons].map(csvField).join(",")}\r\n`;
        })
        .join("");
      if (!res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
      if (rows.length < BATCH || res.destroyed) break;
      after = rows[rows.length - 1]!.rowNumber;
    }
  } catch (err) {
    res.destroy();
    throw err;
  }
  res.end();
}
