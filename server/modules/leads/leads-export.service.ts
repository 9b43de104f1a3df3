import { once } from "node:events";
import type { Response } from "express";
import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import type { ListLeadsQuery } from "../../../shared/contracts/leads";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { encodeCursor } from "../../lib/pagination";
import { recordAudit } from "../audit/audit.service";
import { csvField, customFieldCell } from "../clients/clients-export.service";
import { loadDefinitions } from "../custom-fields/custom-fields.service";
import { type LeadCustomFieldQuery, listVisibleLeads, loadLeadDetails } from "./leads.repository";
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
  res.status(200);
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="leads-${new Date().toISOString().slice(0, 10)}.csv"`);
  res.setHeader("Cache-Control", "no-store");
  res.write(`${[...HEADER, ...definitions.map((d) => d.label)].map(csvField).join(",")}\r\n`);
  try {
    await writeBatches(app, actor, query, res, cf, definitions);
  } catch (err) {
    res.destroy();
    throw err;
  }
  res.end();
}

async function writeBatches(app: AppContext, actor: Actor, query: ListLeadsQuery, res: Response, cf: LeadCustomFieldQuery, definitions: CustomFieldDefinitionDto[]): Promise<void> {
  const db = app.database.db;
  let cursor: string | undefined;
  for (;;) {
    const rows = await listVisibleLeads(db, actor, { ...query, cursor, limit: BATCH }, cf);
    const page = rows.slice(0, BATCH);
    const details = await loadLeadDetails(db, actor.workspaceId, page);
    const chunk = page
      .map((l) =>
        [
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
        ]
          .map(csvField)
          .join(","),
      )
      .map((line) => `${line}\r\n`)
      .join("");
    if (chunk && !res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
    if (rows.length <= BATCH || res.destroyed) break;
    const last = page[page.length - 1]!;
    cursor = encodeCursor([last.sortValue, last.id]);
  }
}
