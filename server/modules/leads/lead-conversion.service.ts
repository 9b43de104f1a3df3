import type { ConvertLeadBody, ConvertLeadResponse } from "../../../shared/contracts/leads";
import { AppError, errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import { type Actor, can } from "../../auth/actor";
import { DEFAULT_PORTAL_SETTINGS, type LeadRow } from "../../db/schema";
import { type Tx, withTransaction } from "../../db/transaction";
import { createDealInTx } from "../deals/deals.service";
import { recordTimeline } from "../activities/timeline";
import { recordAudit } from "../audit/audit.service";
import { emitLeadEvent } from "../automations/automation-events";
import { findVisibleClient, insertClient } from "../clients/clients.repository";
import { findVisibleContact, insertContact } from "../contacts/contacts.repository";
import { assertLeadAbility } from "./leads.policy";
import { updateLead } from "./leads.repository";
import { getLead, loadVisibleLead } from "./leads.service";
import { enqueuePairRescore } from "../duplicates/duplicate-events";

/** "Ada Lovelace" → first "Ada", last "Lovelace"; one word → first name only. */
export function splitName(name: string): { firstName: string; lastName: string | null } {
  const parts = name.trim().split(/\s+/);
  return parts.length > 1 ? { firstName: parts.slice(0, -1).join(" "), lastName: parts[parts.length - 1]! } : { firstName: parts[0] ?? name, lastName: null };
}

/**
 * Converts a lead in ONE transaction: links the chosen client or creates one (named after the
 * company, else the person), links a contact of that client or creates one from the lead, opens a
 * deal if asked, and marks the lead converted. The lead keeps its record and timeline, and the
 * client's timeline shows the lead's history from then on (activities of converted leads are listed
 * with their client's).
 */
export async function convertLead(app: AppContext, actor: Actor, id: string, body: ConvertLeadBody): Promise<ConvertLeadResponse> {
  const result = await withTransaction(app.database.pool, async (tx) => {
    const lead = await loadVisibleLead(tx.db, actor, id, { forUpdate: true });
    if (lead.status === "converted") throw errors.conflict("This lead is already converted.", { reason: "already_converted" });
    assertLeadAbility(actor, "convert", lead);
    if (body.deal && !can(actor, "deals.write")) throw errors.forbidden();

    let clientId: string;
    let clientName: string;
    if (body.client.mode === "existing") {
      const client = await findVisibleClient(tx.db, actor, body.client.clientId);
      if (!client) throw errors.validation([{ path: "body.client.clientId", message: "Choose a client you can see" }]);
      clientId = client.id;
      clientName = client.name;
    } else {
      const client = await insertClient(tx.db, {
        workspaceId: actor.workspaceId,
        name: body.client.name ?? lead.company ?? lead.name,
        status: "prospect",
        phone: lead.phone,
        ownerId: lead.ownerId,
        tags: lead.tags,
        address: lead.country ? { country: lead.country } : {},
        portalSettings: DEFAULT_PORTAL_SETTINGS,
      });
      await recordTimeline(tx.db, actor, { type: "client", id: client.id }, "created", { fromLead: { id: lead.id, name: lead.name } });
      await enqueuePairRescore(app, tx.db, actor.workspaceId, "client", [client.id]);
      clientId = client.id;
      clientName = client.name;
    }

    let contactId: string | null = null;
    if (body.contact.mode === "existing") {
      const contact = await findVisibleContact(tx.db, actor, body.contact.contactId);
      if (!contact || contact.clientId !== clientId) throw errors.validation([{ path: "body.contact.contactId", message: "Choose a contact of this client" }]);
      contactId = contact.id;
    } else if (body.contact.mode === "new") {
      const contact = await insertContact(tx.db, { workspaceId: actor.workspaceId, clientId, ...splitName(lead.name), email: lead.email, phone: lead.phone });
      await recordTimeline(tx.db, actor, { type: "contact", id: contact.id }, "created", { fromLead: { id: lead.id, name: lead.name } });
      await enqueuePairRescore(app, tx.db, actor.workspaceId, "contact", [contact.id]);
      contactId = contact.id;
    }

    const dealId = body.deal ? await openDealForLead(tx, actor, lead, clientId, contactId, body.deal) : null;

    await updateLead(tx.db, actor.workspaceId, lead.id, { status: "converted", convertedAt: new Date(), convertedClientId: clientId, convertedContactId: contactId, convertedDealId: dealId });
    await emitLeadEvent(app, tx.db, actor.workspaceId, { type: "lead_status_changed", leadIds: [lead.id], from: lead.status, to: "converted" });
    const summary = `converted this lead into the client ${clientName}`;
    await recordTimeline(tx.db, actor, { type: "lead", id: lead.id }, "converted", { summary, client: { id: clientId, name: clientName }, contactId, dealId });
    await recordTimeline(tx.db, actor, { type: "client", id: clientId }, "converted", { summary: `converted the lead ${lead.name} into this client`, lead: { id: lead.id, name: lead.name }, contactId, dealId });
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "lead.converted",
      entityType: "lead",
      entityId: lead.id,
      changes: { clientId, clientMode: body.client.mode, contactId, contactMode: body.contact.mode, dealId },
    });
    return { clientId, contactId, dealId };
  });
  return { data: { lead: await getLead(app, actor, id), ...result } };
}

/**
 * Opens the converted lead's deal through the deals service (default pipeline and first stage
 * unless chosen), owned by the lead's owner when they may own deals (`defaultDealOwner`); its field errors are reported under `body.deal`.
 */
async function openDealForLead(tx: Tx, actor: Actor, lead: LeadRow, clientId: string, contactId: string | null, deal: NonNullable<ConvertLeadBody["deal"]>): Promise<string> {
  try {
    const row = await createDealInTx(
      tx,
      actor,
      {
        title: deal.title,
        clientId,
        leadId: lead.id,
        contactId,
        valueMinor: deal.valueMinor,
        currency: deal.currency,
        expectedCloseDate: deal.expectedCloseDate ?? null,
        pipelineId: deal.pipelineId,
        stageId: deal.stageId,
      },
      { verifiedLinks: true },
    );
    return row.id;
  } catch (err) {
    if (err instanceof AppError && err.code === "validation_failed" && err.details?.issues) {
      throw errors.validation(err.details.issues.map((i) => ({ ...i, path: i.path.replace(/^body\./, "body.deal.") })));
    }
    throw err;
  }
}
