import { once } from "node:events";
import type { Response } from "express";
import type { ListClientsQuery } from "../../../shared/contracts/clients";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { clientSortValue, effectiveSort, listVisibleClients, loadClientDetails } from "./clients.repository";
import { encodeCursor } from "../../lib/pagination";
import { recordAudit } from "../audit/audit.service";
import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import { loadDefinitions } from "../custom-fields/custom-fields.service";
import { clientCustomFieldQuery } from "./clients.service";
import type { ClientCustomFieldQuery } from "./clients.repository";

const BATCH = 500;
const HEADER = ["id", "name", "status", "industry", "website", "phone", "owner", "assignees", "tags", "retainer_minor", "retainer_currency", "city", "country", "contacts", "created_at", "updated_at"];

/** One CSV field: quoted when needed, quotes doubled; a leading =+-@ is defused against spreadsheet formula injection. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
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
 * Streams the clients the actor may see (same filters and visibility as the list) as CSV, in keyset
 * batches, honouring back-pressure: memory stays flat whatever the size of the book.
 */
export async function streamClientsCsv(app: AppContext, actor: Actor, query: ListClientsQuery, res: Response): Promise<void> {
  const db = app.database.db;
  const sort = effectiveSort(query);
  // Resolved before any byte is written, so an unknown cf key is still a clean 400.
  const cf = await clientCustomFieldQuery(app, actor, query);
  const definitions = await loadDefinitions(app, actor.workspaceId, "client");
  await recordAudit(db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "client.exported", entityType: "client", changes: { filters: { ...query, cursor: undefined, limit: undefined } } });
  res.status(200);
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="clients-${new Date().toISOString().slice(0, 10)}.csv"`);
  res.setHeader("Cache-Control", "no-store");
  res.write(`${[...HEADER, ...definitions.map((d) => d.label)].map(csvField).join(",")}\r\n`);
  try {
    await writeBatches(app, actor, query, res, sort, cf, definitions);
  } catch (err) {
    // Headers are gone: abort the download (the client sees a failed transfer, not a silently short file).
    res.destroy();
    throw err;
  }
  res.end();
}

/** Writes keyset batches of BATCH rows until the last page (or the client goes away). */
async function writeBatches(
  app: AppContext,
  actor: Actor,
  query: ListClientsQuery,
  res: Response,
  sort: ReturnType<typeof effectiveSort>,
  cf: ClientCustomFieldQuery,
  definitions: CustomFieldDefinitionDto[],
): Promise<void> {
  const db = app.database.db;
  let cursor: string | undefined;
  for (;;) {
    const rows = await listVisibleClients(db, actor, { ...query, cursor, limit: BATCH }, cf);
    const page = rows.slice(0, BATCH);
    const details = await loadClientDetails(db, actor.workspaceId, page);
    const chunk = page
      .map((c) =>
        [
          c.id,
          c.name,
          c.status,
          c.industry,
          c.website,
          c.phone,
          c.ownerId ? details.owners.get(c.ownerId) : "",
          (details.assignees.get(c.id) ?? []).map((a) => a.name).join("; "),
          c.tags.join("; "),
          c.retainerAmountMinor,
          c.retainerCurrency,
          c.address?.city,
          c.address?.country,
          details.contactCounts.get(c.id) ?? 0,
          c.createdAt.toISOString(),
          c.updatedAt.toISOString(),
          ...definitions.map((d) => customFieldCell(d, c.customFields?.[d.key])),
        ]
          .map(csvField)
          .join(","),
      )
      .map((line) => `${line}\r\n`)
      .join("");
    // Back-pressure: wait for the socket to drain, or stop if the client disconnected meanwhile.
    if (chunk && !res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
    if (rows.length <= BATCH || res.destroyed) break;
    const last = page[page.length - 1]!;
    cursor = encodeCursor([clientSortValue(last, sort), last.id]);
  }
}
