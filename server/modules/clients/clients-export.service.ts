import type { Response } from "express";
import type { ListClientsQuery } from "../../../shared/contracts/clients";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { clientCursorValues, effectiveSort, listVisibleClients, loadClientDetails } from "./clients.repository";
import { customFieldCell, datedCsvName, streamCsv } from "../../lib/csv-stream";
import { encodeCursor } from "../../lib/pagination";
import { searchedKeysetPages } from "../../lib/text-search";
import { recordAudit } from "../audit/audit.service";
import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import { loadDefinitions } from "../custom-fields/custom-fields.service";
import { clientCustomFieldQuery } from "./clients.service";
import type { ClientCustomFieldQuery } from "./clients.repository";

const BATCH = 500;
const HEADER = ["id", "name", "status", "industry", "website", "phone", "owner", "assignees", "tags", "retainer_minor", "retainer_currency", "city", "country", "contacts", "created_at", "updated_at"];

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
  await streamCsv(res, datedCsvName("clients"), [...HEADER, ...definitions.map((d) => d.label)], csvRows(app, actor, query, sort, cf, definitions));
}

/** The export's rows, page by page. */
async function* csvRows(
  app: AppContext,
  actor: Actor,
  query: ListClientsQuery,
  sort: ReturnType<typeof effectiveSort>,
  cf: ClientCustomFieldQuery,
  definitions: CustomFieldDefinitionDto[],
): AsyncGenerator<unknown[][]> {
  const db = app.database.db;
  // A search keeps the mode its first batch chose (exact, or typo when exact finds too few).
  const pages = searchedKeysetPages(
    (cursor, limit) => listVisibleClients(db, actor, { ...query, cursor, limit }, cf),
    BATCH,
    (last) => encodeCursor(clientCursorValues(last, sort)),
  );
  for await (const page of pages) {
    const details = await loadClientDetails(db, actor.workspaceId, page);
    yield page.map((c) => [
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
    ]);
  }
}
