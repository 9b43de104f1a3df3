import type { ContactDto, ContactListResponse, CreateContactBody, ListContactsQuery, UpdateContactBody } from "../../../shared/contracts/contacts";
import { AppError, errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import { type Actor, can } from "../../auth/actor";
import type { Db } from "../../db/client";
import { type Tx, withTransaction } from "../../db/transaction";
import { toPage } from "../../lib/pagination";
import { withSearchMode } from "../../lib/text-search";
import { deleteEntityActivities } from "../activities/activities.repository";
import { recordTimeline } from "../activities/timeline";
import { diffFields, recordAudit } from "../audit/audit.service";
import { assertClientAbility } from "../clients/clients.policy";
import { findVisibleClient } from "../clients/clients.repository";
import { parseCustomFieldFilters, parseCustomFieldSort } from "../custom-fields/custom-fields.query";
import { loadDefinitions, resolveCustomFieldValues } from "../custom-fields/custom-fields.service";
import { findWorkspaceUser } from "../users/users.repository";
import { createInvitedUser, forgetPortalLogin, reissueInvitation, revokePortalLogin } from "../users/users.service";
import { contactAbilities, presentContact } from "./contacts.presenter";
import {
  type ContactCustomFieldQuery,
  type ContactWithClient,
  clearPrimary,
  contactSortValue,
  deleteContact,
  findVisibleContact,
  insertContact,
  listVisibleContacts,
  updateContact,
} from "./contacts.repository";
import { enqueuePairRescore, touchesPairKeys } from "../duplicates/duplicate-events";

/** E.164 when the number parses (spaces, dashes, dots and parentheses stripped, a leading + kept); as typed otherwise. */
export function normalisePhone(raw: string | null | undefined): string | null | undefined {
  if (raw === null || raw === undefined) return raw;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const compact = trimmed.replace(/[\s\-().]/g, "");
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : trimmed;
}

/** Lists contacts of the clients the actor may see. */
export async function listContacts(app: AppContext, actor: Actor, q: ListContactsQuery): Promise<ContactListResponse> {
  const { rows, searchMode } = await listVisibleContacts(app.database.db, actor, q, await contactCustomFieldQuery(app, actor, q));
  const page = toPage(rows, q.limit, (c) => [contactSortValue(c, q.sort), c.id], (c) => presentContact(actor, c));
  return { data: page.data, meta: { nextCursor: page.meta.nextCursor && withSearchMode(page.meta.nextCursor, searchMode) } };
}

/** Resolves a list's `cf` filters and custom sort against the workspace's contact fields (400 on unknown keys). */
export async function contactCustomFieldQuery(app: AppContext, actor: Actor, q: ListContactsQuery): Promise<ContactCustomFieldQuery> {
  if (!q.cf?.length && q.sort !== "custom") return { filters: [] };
  const definitions = await loadDefinitions(app, actor.workspaceId, "contact");
  return { filters: parseCustomFieldFilters(definitions, q.cf), ...(q.sort === "custom" ? { sort: parseCustomFieldSort(definitions, q.sortKey) } : {}) };
}

/** A visible contact or 404. */
export async function loadVisibleContact(db: Db, actor: Actor, id: string, lock = false): Promise<ContactWithClient> {
  const row = await findVisibleContact(db, actor, id, lock);
  if (!row) throw errors.notFound("Contact");
  return row;
}

/** One contact as a DTO. */
export async function getContact(app: AppContext, actor: Actor, id: string): Promise<ContactDto> {
  return presentContact(actor, await loadVisibleContact(app.database.db, actor, id));
}

/** Adds a contact to a client the actor may change. */
export async function createContact(app: AppContext, actor: Actor, body: CreateContactBody): Promise<ContactDto> {
  // Required fields apply to every new record, with or without a customFields body.
  const id = await withTransaction(app.database.pool, async (tx) => {
    const { values: customFields } = await resolveCustomFieldValues(tx, actor.workspaceId, "contact", {}, body.customFields ?? {});
    const client = await findVisibleClient(tx.db, actor, body.clientId);
    if (!client) throw errors.validation([{ path: "body.clientId", message: "Choose a client you can see" }]);
    assertClientAbility(actor, "update");
    const row = await insertContact(tx.db, {
      workspaceId: actor.workspaceId,
      clientId: client.id,
      firstName: body.firstName,
      lastName: body.lastName ?? null,
      email: body.email ?? null,
      phone: normalisePhone(body.phone) ?? null,
      title: body.title ?? null,
      isPrimary: body.isPrimary ?? false,
      customFields,
    });
    if (row.isPrimary) await clearPrimary(tx.db, actor.workspaceId, client.id, row.id);
    await recordTimeline(tx.db, actor, { type: "contact", id: row.id }, "created");
    await enqueuePairRescore(app, tx.db, actor.workspaceId, "contact", [row.id]);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "contact.created", entityType: "contact", entityId: row.id, changes: { clientId: client.id, firstName: row.firstName, lastName: row.lastName, email: row.email, ...(Object.keys(customFields).length ? { customFields } : {}) } });
    return row.id;
  });
  return getContact(app, actor, id);
}

/** Edits a contact. */
export async function updateContactDetails(app: AppContext, actor: Actor, id: string, body: UpdateContactBody): Promise<ContactDto> {
  await withTransaction(app.database.pool, async (tx) => {
    const before = await loadVisibleContact(tx.db, actor, id);
    if (!contactAbilities(actor, before).update) throw errors.forbidden();
    const { customFields: cfChange, ...fields } = body;
    const patch: Omit<UpdateContactBody, "customFields"> & { customFields?: Record<string, unknown> } = {
      ...fields,
      ...(body.phone !== undefined ? { phone: normalisePhone(body.phone) ?? null } : {}),
    };
    const changes: Record<string, unknown> = { ...diffFields(before, patch, ["firstName", "lastName", "email", "phone", "title", "isPrimary"]) };
    // Custom values: a patch merged into the stored ones (validated only when the body carries it).
    if (cfChange !== undefined) {
      const { values, diff } = await resolveCustomFieldValues(tx, actor.workspaceId, "contact", before.customFields, cfChange);
      if (Object.keys(diff).length) {
        patch.customFields = values;
        changes.customFields = diff;
      }
    }
    if (Object.keys(changes).length === 0) return;
    await updateContact(tx.db, actor.workspaceId, id, patch);
    if (touchesPairKeys("contact", changes)) await enqueuePairRescore(app, tx.db, actor.workspaceId, "contact", [id]);
    if (patch.isPrimary) await clearPrimary(tx.db, actor.workspaceId, before.clientId, id);
    await recordTimeline(tx.db, actor, { type: "contact", id }, "updated", { fields: Object.keys(changes), changes });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "contact.updated", entityType: "contact", entityId: id, changes });
  });
  return getContact(app, actor, id);
}

/** A portal login ended inside a transaction, forgotten by the session store once it commits. */
export interface EndedPortalLogin {
  userId: string;
  ended: string[];
}

/**
 * Deletes one contact the actor may delete, inside the caller's transaction (the single and the bulk
 * delete both go through here). Their portal login, if any, ends with it: the user is deactivated, a
 * pending invite link stops working and their sessions end (audited). Pass the result to
 * `forgetEndedPortalLogins` after commit.
 */
export async function deleteContactRecord(
  app: AppContext,
  tx: Tx,
  actor: Actor,
  contact: ContactWithClient,
  opts: { rescorePairs?: boolean } = {},
): Promise<EndedPortalLogin | null> {
  const ended = contact.userId ? await revokePortalLogin(tx, actor, contact.userId, { contactId: contact.id }) : [];
  await deleteEntityActivities(tx.db, actor.workspaceId, "contact", [contact.id]);
  await deleteContact(tx.db, actor.workspaceId, contact.id);
  // A bulk delete re-scores all its contacts with one job instead (`rescorePairs: false`).
  if (opts.rescorePairs !== false) await enqueuePairRescore(app, tx.db, actor.workspaceId, "contact", [contact.id]);
  await recordAudit(tx.db, {
    workspaceId: actor.workspaceId,
    actorId: actor.id,
    action: "contact.deleted",
    entityType: "contact",
    entityId: contact.id,
    changes: { clientId: contact.clientId, email: contact.email, ...(contact.userId ? { portalUserId: contact.userId, portalLoginEnded: true } : {}) },
  });
  return contact.userId ? { userId: contact.userId, ended } : null;
}

/** Drops the cached sessions and auth of portal logins ended by committed contact deletions. */
export async function forgetEndedPortalLogins(app: AppContext, logins: readonly (EndedPortalLogin | null)[]): Promise<void> {
  for (const login of logins) if (login) await forgetPortalLogin(app, login.userId, login.ended);
}

/** Deletes a contact (and ends their portal login, see `deleteContactRecord`). */
export async function removeContact(app: AppContext, actor: Actor, id: string): Promise<void> {
  const portal = await withTransaction(app.database.pool, async (tx) => {
    const contact = await loadVisibleContact(tx.db, actor, id, true);
    if (!contactAbilities(actor, contact).delete) throw errors.forbidden();
    return deleteContactRecord(app, tx, actor, contact);
  });
  await forgetEndedPortalLogins(app, [portal]);
}

/**
 * Sends an invited-but-not-accepted contact a new portal link (the old one stops working) through
 * the same invitation mail and job as every invite; 409 invite_already_accepted once they accepted.
 */
export async function resendContactPortalInvite(app: AppContext, actor: Actor, id: string): Promise<ContactDto> {
  await withTransaction(app.database.pool, async (tx) => {
    const contact = await loadVisibleContact(tx.db, actor, id, true);
    if (!contactAbilities(actor, contact).update || !can(actor, "users.invite")) throw errors.forbidden();
    if (!contact.userId) throw errors.invalidState("This contact has not been invited to the portal yet.");
    if (contact.userStatus === "active") throw new AppError("invite_already_accepted", "This contact has already accepted their portal invitation.");
    if (contact.userStatus !== "invited") throw errors.invalidState("This contact's portal login is deactivated.");
    const user = await findWorkspaceUser(tx.db, actor.workspaceId, contact.userId);
    if (!user) throw errors.invalidState("This contact has not been invited to the portal yet.");
    await reissueInvitation(app, tx, actor, user);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "contact.portal_invite_resent", entityType: "contact", entityId: id, changes: { userId: user.id } });
  });
  return getContact(app, actor, id);
}

/** Gives a contact a portal login for their client, through the same invitation as team invites. */
export async function inviteContactToPortal(app: AppContext, actor: Actor, id: string): Promise<ContactDto> {
  await withTransaction(app.database.pool, async (tx) => {
    const contact = await loadVisibleContact(tx.db, actor, id);
    if (contact.userId) throw errors.invalidState("This contact already has a portal login.");
    if (!contact.email) throw errors.invalidState("Add an email address to this contact first.");
    if (!contactAbilities(actor, contact).inviteToPortal) throw errors.forbidden();
    const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
    const user = await createInvitedUser(app, tx, actor, { email: contact.email, name, role: "client", clientId: contact.clientId });
    await updateContact(tx.db, actor.workspaceId, id, { userId: user.id });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "contact.invited_to_portal", entityType: "contact", entityId: id, changes: { userId: user.id } });
  });
  return getContact(app, actor, id);
}
