import type { Response } from "express";
import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import type { ListLeadsQuery } from "../../../shared/contracts/leads";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { customFieldCell, datedCsvName, streamCsv } from "../../lib/csv-stream";
import { encodeCursor } from "../../lib/pagination";
import { searchedKeysetPages } from "../../lib/text-search";
import { recordAudit } from "../audit/audit.service";
import { loadDefinitions } from "../custom-fields/custom-fields.service";
import { type LeadCustomFieldQuery, leadCursorValues, listVisibleLeads, loadLeadDetails } from "./leads.repository";
import { leadCustomFieldQuery } from "./leads.service";

const BATCH = 1000;
const HEADER = ["id", "name", "company", "email", "phone", "country", "source", "source_detail", "status", "score", "owner", "tags", "consent_given_at", "consent_text", "converted_client", "created_at", "updated_at"];

/**
 * Streams the leads the actor may see (same filters, search and reach as the list) as CSV, in keyset
 * batches with back-pressure: memory stays flat however many leads there are.
 */
export async function streamLeadsCsv(app: AppContext, actor: Actor, query: ListLeadsQuery, res: Response): Promise<void> {
  const cf = await leadCustomFieldQuery(app, actor, query);
  const definitions = await loadDefinitions(app, actor.workspaceId, "lead");
  await recordAudit(app.database.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "lead.exported", entityType: "lead", changes: { filters: { ...query, cursor: undefined, limit: undefined } } });
  await streamCsv(res, datedCsvName("leads"), [...HEADER, ...definitions.map((d) => d.label)], csvRows(app, actor, query, cf, definitions));
}

async function* csvRows(app: AppContext, actor: Actor, query: ListLeadsQuery, cf: LeadCustomFieldQuery, definitions: CustomFieldDefinitionDto[]): AsyncGenerator<unknown[][]> {
  const db = app.database.db;
  // A search keeps the mode its first batch chose (exact, or typo when exact finds too few).
  const pages = searchedKeysetPages(
    (cursor, limit) => listVisibleLeads(db, actor, { ...query, cursor, limit }, cf),
    BATCH,
    (last) => encodeCursor(leadCursorValues(last)),
  );
  for await (const page of pages) {
    const details = await loadLeadDetails(db, actor.workspaceId, page);
    yield page.map((l) => [
      l.id,
      l.name,
      l.company,
      l.email,
      l.phone,
      l.country,
      l.source,
      l.sourceDetail,
      l.status,
      l.score,
      l.ownerId ? details.owners.get(l.ownerId) : "",
      l.tags.join("; "),
      l.consent?.givenAt,
      l.consent?.text,
      l.convertedClientId ? details.clients.get(l.convertedClientId) : "",
      l.createdAt.toISOString(),
      l.updatedAt.toISOString(),
      ...definitions.map((d) => customFieldCell(d, l.customFields?.[d.key])),
    ]);
  }
}
