import { once } from "node:events";
import type { Response } from "express";
import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import type { ListDealsQuery } from "../../../shared/contracts/deals";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { encodeCursor } from "../../lib/pagination";
import { recordAudit } from "../audit/audit.service";
import { csvField, customFieldCell } from "../clients/clients-export.service";
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
  res.status(200);
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="deals-${new Date().toISOString().slice(0, 10)}.csv"`);
  res.setHeader("Cache-Control", "no-store");
  res.write(`${[...HEADER, ...definitions.map((d) => d.label)].map(csvField).join(",")}\r\n`);
  try {
    await writeBatches(app, actor, query, res, cf, definitions);
  } catch (err) {
    // Headers are gone: abort the download rather than send a silently short file.
    res.destroy();
    throw err;
  }
  res.end();
}

/** Writes keyset batches until the last page (or the client goes away). */
async function writeBatches(app: AppContext, actor: Actor, query: ListDealsQuery, res: Response, cf: DealCustomFieldQuery, definitions: CustomFieldDefinitionDto[]): Promise<void> {
  const db = app.database.db;
  let cursor: string | undefined;
  for (;;) {
    const rows = await listVisibleDeals(db, actor, { ...query, cursor, limit: BATCH }, cf);
    const page = rows.slice(0, BATCH);
    const d = await loadDealDetails(db, actor.workspaceId, page);
    const now = Date.now();
    const name = (m: Map<string, { name: string }>, id: string | null) => (id ? (m.get(id)?.name ?? "") : "");
    const chunk = page
      .map((r) =>
        [
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
        ]
          .map(csvField)
          .join(","),
      )
      .map((line) => `${line}\r\n`)
      .join("");
    if (chunk && !res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
    if (rows.length <= BATCH || res.destroyed) break;
    const last = page[page.length - 1]!;
    cursor = encodeCursor([dealSortValue(last, query.sort), last.id]);
  }
}
