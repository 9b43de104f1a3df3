import type {
  ClientDto,
  ClientListResponse,
  CreateClientBody,
  ListClientsQuery,
  SetAssigneesBody,
  UpdateClientBody,
  UpdatePortalSettingsBody,
} from "../../../shared/contracts/clients";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { type ClientRow, DEFAULT_PORTAL_SETTINGS } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { toPage } from "../../lib/pagination";
import { withSearchMode } from "../../lib/text-search";
import { deleteEntityActivities } from "../activities/activities.repository";
import { recordOwnerChange, recordTimeline } from "../activities/timeline";
import { deleteEntityAttachments } from "../attachments/attachments.repository";
import { removeStoredFiles } from "../attachments/attachments.service";
import { diffFields, recordAudit } from "../audit/audit.service";
import { contactIdsOfClient } from "../contacts/contacts.repository";
import { parseCustomFieldFilters, parseCustomFieldSort } from "../custom-fields/custom-fields.query";
import { loadDefinitions, resolveCustomFieldValues } from "../custom-fields/custom-fields.service";
import { assertClientAbility } from "./clients.policy";
import { presentClient } from "./clients.presenter";
import {
  assigneeIds,
  clientCursorValues,
  clientsWithPortalUsers,
  deleteClient,
  effectiveSort,
  findStaffUsers,
  findVisibleClient,
  insertClient,
  listVisibleClients,
  loadClientDetails,
  type ClientCustomFieldQuery,
  replaceAssignees,
  updateClient,
} from "./clients.repository";
import { enqueuePairRescore, touchesPairKeys } from "../duplicates/duplicate-events";

/** Rows → DTOs with owner names, assignees and contact counts loaded in three batch queries. */
export async function presentClients(db: Db, actor: Actor, rows: ClientRow[]): Promise<ClientDto[]> {
  const details = await loadClientDetails(db, actor.workspaceId, rows);
  return rows.map((r) => presentClient(actor, r, details));
}

/** Resolves a list's `cf` filters and custom sort against the workspace's client fields (400 on unknown keys). */
export async function clientCustomFieldQuery(app: AppContext, actor: Actor, q: ListClientsQuery): Promise<ClientCustomFieldQuery> {
  if (!q.cf?.length && q.sort !== "custom") return { filters: [] };
  const definitions = await loadDefinitions(app, actor.workspaceId, "client");
  return { filters: parseCustomFieldFilters(definitions, q.cf), ...(q.sort === "custom" ? { sort: parseCustomFieldSort(definitions, q.sortKey) } : {}) };
}

/** Lists the clients the actor may see. */
export async function listClients(app: AppContext, actor: Actor, q: ListClientsQuery): Promise<ClientListResponse> {
  const db = app.database.db;
  const { rows, searchMode } = await listVisibleClients(db, actor, q, await clientCustomFieldQuery(app, actor, q));
  const sort = effectiveSort(q);
  const page = toPage(rows, q.limit, (c) => clientCursorValues(c, sort), (c) => c);
  const nextCursor = page.meta.nextCursor && withSearchMode(page.meta.nextCursor, searchMode);
  return { data: await presentClients(db, actor, page.data), meta: { nextCursor } };
}

/** A visible client or 404 (another workspace's and an invisible one look the same). */
export async function loadVisibleClient(db: Db, actor: Actor, id: string): Promise<ClientRow> {
  const row = await findVisibleClient(db, actor, id);
  if (!row) throw errors.notFound("Client");
  return row;
}

/** One client as a DTO. */
export async function getClient(app: AppContext, actor: Actor, id: string, db: Db = app.database.db): Promise<ClientDto> {
  const [dto] = await presentClients(db, actor, [await loadVisibleClient(db, actor, id)]);
  return dto!;
}

/** Throws 400 unless every id is a staff user of the workspace. */
export async function assertStaffUsers(db: Db, actor: Actor, ids: string[], path: string): Promise<void> {
  const found = new Set((await findStaffUsers(db, actor.workspaceId, ids)).map((u) => u.id));
  const missing = ids.map((id, i) => ({ id, i })).filter((x) => !found.has(x.id));
  if (missing.length) {
    throw errors.validation(missing.map((m) => ({ path: ids.length === 1 && !path.endsWith("Ids") ? path : `${path}.${m.i}`, message: "Choose a team member of this workspace" })));
  }
}

type ClientFields = Partial<Omit<UpdateClientBody, "retainer">> & { retainer?: UpdateClientBody["retainer"] };

/** Body → column values (only the keys present). */
function toColumns(body: ClientFields) {
  const { retainer, tags, customFields: _customFields, ...rest } = body;
  return {
    ...rest,
    ...(tags !== undefined ? { tags: [...new Set(tags)] } : {}),
    ...(retainer !== undefined ? { retainerAmountMinor: retainer?.amountMinor ?? null, retainerCurrency: retainer?.currency ?? null } : {}),
  };
}

/** Creates a client (a sales agent's new client is theirs unless they name another owner). */
export async function createClient(app: AppContext, actor: Actor, body: CreateClientBody): Promise<ClientDto> {
  assertClientAbility(actor, "update");
  const ownerId = body.ownerId !== undefined ? body.ownerId : actor.role === "sales_agent" ? actor.id : null;
  // Required fields apply to every new record, with or without a customFields body.
  const id = await withTransaction(app.database.pool, async (tx) => {
    const { values: customFields } = await resolveCustomFieldValues(tx, actor.workspaceId, "client", {}, body.customFields ?? {});
    if (ownerId) await assertStaffUsers(tx.db, actor, [ownerId], "body.ownerId");
    const row = await insertClient(tx.db, { ...toColumns(body), name: body.name, ownerId, customFields, workspaceId: actor.workspaceId, portalSettings: DEFAULT_PORTAL_SETTINGS });
    await recordTimeline(tx.db, actor, { type: "client", id: row.id }, "created");
    await enqueuePairRescore(app, tx.db, actor.workspaceId, "client", [row.id]);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "client.created", entityType: "client", entityId: row.id, changes: { name: row.name, status: row.status, ownerId, ...(Object.keys(customFields).length ? { customFields } : {}) } });
    return row.id;
  });
  return getClient(app, actor, id);
}

const DIFF_KEYS = ["name", "status", "industry", "website", "phone", "ownerId", "notes", "retainerAmountMinor", "retainerCurrency"] as const;

/** Edits a client; status and owner changes get their own timeline entries, other fields one "updated" entry. */
export async function updateClientDetails(app: AppContext, actor: Actor, id: string, body: UpdateClientBody): Promise<ClientDto> {
  await withTransaction(app.database.pool, async (tx) => {
    const before = await loadVisibleClient(tx.db, actor, id);
    assertClientAbility(actor, "update");
    if (body.ownerId) await assertStaffUsers(tx.db, actor, [body.ownerId], "body.ownerId");
    const patch: ReturnType<typeof toColumns> & { customFields?: Record<string, unknown> } = toColumns(body);
    const changes: Record<string, unknown> = { ...diffFields(before, patch, [...DIFF_KEYS]) };
    // Custom values: a patch merged into the stored ones (validated only when the body carries it, so a
    // field made required later does not block unrelated edits).
    if (body.customFields !== undefined) {
      const { values, diff } = await resolveCustomFieldValues(tx, actor.workspaceId, "client", before.customFields, body.customFields);
      if (Object.keys(diff).length) {
        patch.customFields = values;
        changes.customFields = diff;
      }
    }
    if (patch.tags && patch.tags.join("\u0000") !== before.tags.join("\u0000")) changes.tags = { from: before.tags, to: patch.tags };
    if (patch.address && JSON.stringify(patch.address) !== JSON.stringify(before.address)) changes.address = { from: before.address, to: patch.address };
    if (Object.keys(changes).length === 0) return;
    await updateClient(tx.db, actor.workspaceId, id, patch);
    if (touchesPairKeys("client", changes)) await enqueuePairRescore(app, tx.db, actor.workspaceId, "client", [id]);
    const entity = { type: "client" as const, id };
    const { status, ownerId, ...rest } = changes;
    if (status) await recordTimeline(tx.db, actor, entity, "status_changed", status as Record<string, unknown>);
    if (ownerId) {
      const { from, to } = ownerId as { from: string | null; to: string | null };
      await recordOwnerChange(tx.db, actor, entity, from, to);
    }
    if (Object.keys(rest).length) await recordTimeline(tx.db, actor, entity, "updated", { fields: Object.keys(rest), changes: rest });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "client.updated", entityType: "client", entityId: id, changes });
  });
  return getClient(app, actor, id);
}

/** Deletes a client with its contacts and timelines; 409 while a portal user is bound to it. */
export async function removeClient(app: AppContext, actor: Actor, id: string): Promise<void> {
  const storageKeys = await withTransaction(app.database.pool, async (tx) => {
    const client = await loadVisibleClient(tx.db, actor, id);
    assertClientAbility(actor, "delete");
    await enqueueDeletedClientsRescore(app, tx.db, actor.workspaceId, [client.id]);
    return deleteClientRecords(tx.db, actor, client);
  });
  await removeStoredFiles(app.storage, storageKeys);
}

/** Before clients are deleted: their pairs and their (cascading) contacts' pairs are re-scored away. */
export async function enqueueDeletedClientsRescore(app: AppContext, db: Db, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const contactIds = (await Promise.all(ids.map((id) => contactIdsOfClient(db, workspaceId, id)))).flat();
  await enqueuePairRescore(app, db, workspaceId, "client", ids);
  await enqueuePairRescore(app, db, workspaceId, "contact", contactIds);
}

/**
 * Deletes one client the actor may delete (shared with bulk delete), auditing it. Returns the storage
 * keys of its attachments, whose files the caller deletes after the transaction commits.
 */
export async function deleteClientRecords(db: Db, actor: Actor, client: ClientRow): Promise<string[]> {
  if ((await clientsWithPortalUsers(db, actor.workspaceId, [client.id])).size) {
    throw errors.conflict("A portal user is still bound to this client. Deactivate or move them first.", { reason: "portal_users_bound" });
  }
  await deleteEntityActivities(db, actor.workspaceId, "contact", await contactIdsOfClient(db, actor.workspaceId, client.id));
  await deleteEntityActivities(db, actor.workspaceId, "client", [client.id]);
  const storageKeys = await deleteEntityAttachments(db, actor.workspaceId, "client", [client.id]);
  await deleteClient(db, actor.workspaceId, client.id);
  await recordAudit(db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "client.deleted", entityType: "client", entityId: client.id, changes: { name: client.name } });
  return storageKeys;
}

/** Replaces a client's assigned team members. */
export async function setAssignees(app: AppContext, actor: Actor, id: string, body: SetAssigneesBody): Promise<ClientDto> {
  const userIds = [...new Set(body.userIds)];
  await withTransaction(app.database.pool, async (tx) => {
    await loadVisibleClient(tx.db, actor, id);
    assertClientAbility(actor, "manageAssignees");
    await assertStaffUsers(tx.db, actor, userIds, "body.userIds");
    const before = await assigneeIds(tx.db, actor.workspaceId, id);
    await replaceAssignees(tx.db, actor.workspaceId, id, userIds);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "client.assignees_set", entityType: "client", entityId: id, changes: { userIds: { from: before, to: userIds } } });
  });
  return getClient(app, actor, id);
}

/** Switches portal sections on or off for a client. */
export async function updatePortalSettings(app: AppContext, actor: Actor, id: string, body: UpdatePortalSettingsBody): Promise<ClientDto> {
  await withTransaction(app.database.pool, async (tx) => {
    const client = await loadVisibleClient(tx.db, actor, id);
    assertClientAbility(actor, "managePortal");
    const before = { ...DEFAULT_PORTAL_SETTINGS, ...client.portalSettings };
    const after = { ...before, ...body };
    const changes = diffFields(before, after, Object.keys(after) as (keyof typeof after)[]);
    if (!changes) return;
    await updateClient(tx.db, actor.workspaceId, id, { portalSettings: after });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "client.portal_settings_updated", entityType: "client", entityId: id, changes });
  });
  return getClient(app, actor, id);
}
