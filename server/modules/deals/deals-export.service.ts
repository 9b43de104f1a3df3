import type { Response } from "express";
import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import type { ListDealsQuery } from "../../../shared/contracts/deals";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { customFieldCell, datedCsvName, streamCsv } from "../../lib/csv-stream";
import { encodeCursor } from "../../lib/pagination";
import { searchedKeysetPages } from "../../lib/text-search";
import { recordAudit } from "../audit/audit.service";
import { loadDefinitions } from "../custom-fields/custom-fields.service";
import { isRotting } from "./deals.presenter";
import { type DealCustomFieldQuery, dealSortValue, listVisibleDeals, loadDealDetails } from "./deals.repository";
import { dealCustomFieldQuery } from "./deals.service";

const BATCH = 500;
const HEADER = [
  "id",
  "title",
  "pipeline",
  "stage",
  "probability",
  "status",
  "lost_reason",
  "value_minor",
  "currency",
  "expected_close_date",
  "owner",
  "client",
  "lead",
  "contact",
  "tags",
  "rotting",
  "created_at",
  "updated_at",
];

/**
 * Streams the deals the actor may see (same filters and visibility as the list) as CSV, in keyset
 * batches honouring back-pressure; spreadsheet formulas are defused.
 */
export async function streamDealsCsv(app: AppContext, actor: Actor, query: ListDealsQuery, res: Response): Promise<void> {
  const db = app.database.db;
  // Resolved before any byte is written, so an unknown cf key is still a clean 400.
  const cf = await dealCustomFieldQuery(app, actor, query);
  const definitions = await loadDefinitions(app, actor.workspaceId, "deal");
  await recordAudit(db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "deal.exported", entityType: "deal", changes: { filters: { ...query, cursor: undefined, limit: undefined } } });
  await streamCsv(res, datedCsvName("deals"), [...HEADER, ...definitions.map((d) => d.label)], csvRows(app, actor, query, cf, definitions));
}

async function* csvRows(app: AppContext, actor: Actor, query: ListDealsQuery, cf: DealCustomFieldQuery, definitions: CustomFieldDefinitionDto[]): AsyncGenerator<unknown[][]> {
  const db = app.database.db;
  // A search keeps the mode its first batch chose (exact, or typo when exact finds too few).
  const pages = searchedKeysetPages(
    (cursor, limit) => listVisibleDeals(db, actor, { ...query, cursor, limit }, cf),
    BATCH,
    (last) => encodeCursor([dealSortValue(last, query.sort), last.id]),
  );
  for await (const page of pages) {
    const d = await loadDealDetails(db, actor.workspaceId, page);
    const now = Date.now();
    const name = (m: Map<string, { name: string }>, id: string | null) => (id ? (m.get(id)?.name ?? "") : "");
    yield page.map((r) => [
      r.id,
      r.title,
      name(d.pipelines, r.pipelineId),
      name(d.stages, r.stageId),
      d.stages.get(r.stageId)?.probability ?? "",
      r.status,
      r.lostReason,
      r.valueMinor,
      r.currency,
      r.expectedCloseDate,
      name(d.owners, r.ownerId),
      name(d.clients, r.clientId),
      name(d.leads, r.leadId),
      name(d.contacts, r.contactId),
      r.tags.join("; "),
      isRotting(r, d.pipelines.get(r.pipelineId)?.rottingDays, now) ? "yes" : "no",
      r.createdAt.toISOString(),
      r.updatedAt.toISOString(),
      ...definitions.map((def) => customFieldCell(def, r.customFields?.[def.key])),
    ]);
  }
}
