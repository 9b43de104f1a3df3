import type { DealDefaultOwnerQuery, DealDefaultOwnerResponse, DealOwnerReason } from "../../../shared/contracts/deals";
import { AppError, errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { findVisibleClient } from "../clients/clients.repository";
import { findVisibleLead } from "../leads/leads.repository";
import { findOwnerCapable } from "../users/record-owners";
import { findLinkOwners } from "./deals.repository";

/**
 * Who owns a new deal when its body names nobody: people who only reach their own deals (sales
 * agents, and staff when the workspace says so) own what they create; otherwise the lead's owner
 * (a conversion, or a deal opened with leadId), then the client's account owner, each only if they
 * may own deals (see `ownerCapableSql`: active, role holds deals.read); otherwise the creator. An owner
 * named in a body is checked by `assertCanOwn(…, "deals", …)` in the create, edit and bulk paths.
 */
export async function defaultDealOwner(
  db: Db,
  actor: Actor,
  links: { leadId: string | null; clientId: string | null },
): Promise<{ owner: { id: string; name: string }; reason: DealOwnerReason }> {
  const me = { id: actor.id, name: actor.name };
  if (actor.pipelineScope === "own") return { owner: me, reason: "self" };
  const { leadOwnerId, clientOwnerId } = await findLinkOwners(db, actor.workspaceId, links);
  const capable = await findOwnerCapable(db, actor.workspaceId, "deals", [leadOwnerId, clientOwnerId].filter((x): x is string => !!x));
  const byId = new Map(capable.map((u) => [u.id, u]));
  if (leadOwnerId && byId.has(leadOwnerId)) return { owner: byId.get(leadOwnerId)!, reason: "lead_owner" };
  if (clientOwnerId && byId.has(clientOwnerId)) return { owner: byId.get(clientOwnerId)!, reason: "client_owner" };
  return { owner: me, reason: "creator" };
}

/** 403 deal_owner_must_be_self when someone who only reaches their own deals names another owner. */
export function assertOwnDealOwner(actor: Actor, ownerId: string | null | undefined): void {
  if (actor.pipelineScope === "own" && ownerId !== undefined && ownerId !== actor.id) {
    throw new AppError("deal_owner_must_be_self", undefined, { path: "body.ownerId" });
  }
}

/** The owner a new deal will get for a client and/or lead the actor can see (404 for ones they cannot). */
export async function previewDealOwner(app: AppContext, actor: Actor, q: DealDefaultOwnerQuery): Promise<DealDefaultOwnerResponse> {
  const db = app.database.db;
  if (q.leadId && !(await findVisibleLead(db, actor, q.leadId))) throw errors.notFound("Lead");
  if (q.clientId && !(await findVisibleClient(db, actor, q.clientId))) throw errors.notFound("Client");
  return { data: await defaultDealOwner(db, actor, { leadId: q.leadId ?? null, clientId: q.clientId ?? null }) };
}
