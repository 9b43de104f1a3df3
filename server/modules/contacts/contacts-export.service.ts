import type { Response } from "express";
import type { ListContactsQuery } from "../../../shared/contracts/contacts";
import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { customFieldCell, datedCsvName, streamCsv } from "../../lib/csv-stream";
import { encodeCursor } from "../../lib/pagination";
import { searchedKeysetPages } from "../../lib/text-search";
import { recordAudit } from "../audit/audit.service";
import { loadDefinitions } from "../custom-fields/custom-fields.service";
import { type ContactCustomFieldQuery, contactSortValue, listVisibleContacts } from "./contacts.repository";
import { contactCustomFieldQuery } from "./contacts.service";

const BATCH = 500;
const HEADER = ["id", "name", "email", "phone", "title", "primary", "client", "portal_access", "created_at"];

/**
 * Streams the contacts the actor may see (the list's filters, sort and visibility: contacts of the
 * clients they can see) as CSV in keyset batches, honouring back-pressure.
 */
export async function streamContactsCsv(app: AppContext, actor: Actor, query: ListContactsQuery, res: Response): Promise<void> {
  // Resolved before any byte is written, so an unknown cf key or sortKey is still a clean 400.
  const cf = await contactCustomFieldQuery(app, actor, query);
  const definitions = await loadDefinitions(app, actor.workspaceId, "contact");
  await recordAudit(app.database.db, {
    workspaceId: actor.workspaceId,
    actorId: actor.id,
    action: "contact.exported",
    entityType: "contact",
    changes: { filters: { ...query, cursor: undefined, limit: undefined } },
  });
  await streamCsv(res, datedCsvName("contacts"), [...HEADER, ...definitions.map((d) => d.label)], csvRows(app, actor, query, cf, definitions));
}

/** The export's rows, page by page. */
async function* csvRows(app: AppContext, actor: Actor, query: ListContactsQuery, cf: ContactCustomFieldQuery, definitions: CustomFieldDefinitionDto[]): AsyncGenerator<unknown[][]> {
  const db = app.database.db;
  // A search keeps the mode its first batch chose (exact, or typo when exact finds too few).
  const pages = searchedKeysetPages(
    (cursor, limit) => listVisibleContacts(db, actor, { ...query, cursor, limit }, cf),
    BATCH,
    (last) => encodeCursor([contactSortValue(last, query.sort), last.id]),
  );
  for await (const page of pages) {
    yield page.map((c) => [
      c.id,
      [c.firstName, c.lastName].filter(Boolean).join(" "),
      c.email,
      c.phone,
      c.title,
      c.isPrimary ? "yes" : "no",
      c.clientName,
      c.userId ? (c.userStatus ?? "none") : "none",
      c.createdAt.toISOString(),
      ...definitions.map((d) => customFieldCell(d, c.customFields?.[d.key])),
    ]);
  }
}
