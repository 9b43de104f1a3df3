import { eq } from "drizzle-orm";
import type {
  CompareDuplicatesDto,
  CompareDuplicatesQuery,
  DismissDuplicateBody,
  DuplicateEntityType,
  DuplicateListResponse,
  DuplicateScanDto,
  ListDuplicatesQuery,
  MergeDuplicatesBody,
  MergeDuplicatesResponse,
  RelatedCounts,
} from "../../../shared/contracts/duplicates";
import type { LeadConsent } from "../../../shared/contracts/leads";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import { type Actor, can } from "../../auth/actor";
import type { Db } from "../../db/client";
import { clients, contacts, type DuplicateScanRow, leads } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { decodeCursor, toPage } from "../../lib/pagination";
import { userNames } from "../activities/activities.repository";
import { recordTimeline } from "../activities/timeline";
import { recordAudit } from "../audit/audit.service";
import { clientAbilities } from "../clients/clients.policy";
import { loadDefinitions } from "../custom-fields/custom-fields.service";
import { leadAbilities } from "../leads/leads.policy";
import { findVisibleLeadsForUpdate } from "../leads/leads.repository";
import { enqueuePairRescore } from "./duplicate-events";
import { deletePairsOf, findScan, listStoredPairs, type PairCursor, startScan } from "./duplicate-pairs.repository";
import { duplicatesRebuildJob } from "./duplicates.jobs";
import { builtInFields, customFields, type MergeField, type MergeRecord } from "./duplicates.fields";
import {
  insertDismissal,
  lockVisibleClients,
  lockVisibleContacts,
  moveClientRelations,
  moveContactRelations,
  moveLeadRelations,
  relatedCounts,
} from "./duplicates.repository";

const LABEL: Record<DuplicateEntityType, string> = { client: "Client", contact: "Contact", lead: "Lead" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 403 unless the actor may read records of the type (clients.read is the route's own rule). */
function assertCanRead(actor: Actor, entityType: DuplicateEntityType): void {
  if (entityType === "lead" && (!can(actor, "leads.read") || actor.pipelineScope === "none")) throw errors.forbidden();
}

/** Whether the actor may merge records of the type: write (and, for clients, delete) on that type. */
function mayMerge(actor: Actor, entityType: DuplicateEntityType): boolean {
  if (entityType === "client") return clientAbilities(actor).delete;
  if (entityType === "contact") return clientAbilities(actor).update;
  return leadAbilities(actor).update;
}

/** Whether the actor may mark a pair "not duplicates": write on the type. */
function mayDismiss(actor: Actor, entityType: DuplicateEntityType): boolean {
  return entityType === "lead" ? leadAbilities(actor).update : clientAbilities(actor).update;
}

/** Display name of a record. */
function nameOf(r: MergeRecord): string {
  return "firstName" in r ? `${r.firstName} ${r.lastName ?? ""}`.trim() : r.name;
}

/** Candidate duplicate pairs of one record type that the actor may see on both sides, best score first. */
export async function listDuplicates(app: AppContext, actor: Actor, q: ListDuplicatesQuery): Promise<DuplicateListResponse> {
  assertCanRead(actor, q.entityType);
  let after: PairCursor | null = null;
  if (q.cursor) {
    const invalid = () => errors.validation([{ path: "query.cursor", message: "Invalid cursor" }]);
    let values: unknown[];
    try {
      values = decodeCursor(q.cursor, 3);
    } catch {
      throw invalid();
    }
    const [score, lowId, highId] = values;
    if (typeof score !== "number" || typeof lowId !== "string" || typeof highId !== "string" || !UUID.test(lowId) || !UUID.test(highId)) throw invalid();
    after = { score, lowId, highId };
  }
  const rows = await listStoredPairs(app.database.db, actor, q.entityType, { limit: q.limit, after, reason: q.reason });
  return toPage(
    rows,
    q.limit,
    (r) => [r.score, r.a_id, r.b_id],
    (r) => ({
      entityType: q.entityType,
      a: { id: r.a_id, name: r.a_name, detail: r.a_detail },
      b: { id: r.b_id, name: r.b_name, detail: r.b_detail },
      reasons: [...r.reasons].sort(),
      similarity: r.sim === null ? null : Math.round(r.sim * 100) / 100,
      score: Math.round(r.score * 100) / 100,
    }),
  );
}

/** The scan row as a DTO (a migration's `pending` shows as queued: its job is enqueued at boot). */
function presentScan(scan: DuplicateScanRow | undefined): DuplicateScanDto | null {
  if (!scan) return null;
  return {
    status: scan.status === "pending" ? "queued" : scan.status,
    processed: scan.processed,
    total: scan.total,
    requestedAt: scan.requestedAt.toISOString(),
    startedAt: scan.startedAt?.toISOString() ?? null,
    finishedAt: scan.finishedAt?.toISOString() ?? null,
  };
}

/** The workspace's latest rescan and its progress. */
export async function getRescan(app: AppContext, actor: Actor): Promise<DuplicateScanDto | null> {
  return presentScan(await findScan(app.database.db, actor.workspaceId));
}

/** Rebuilds the workspace's pairs from scratch in the background (a running rescan is superseded). */
export async function startRescan(app: AppContext, actor: Actor): Promise<DuplicateScanDto> {
  return withTransaction(app.database.pool, async (tx) => {
    const scan = await startScan(tx.db, actor.workspaceId, actor.id);
    await app.jobs.enqueue(duplicatesRebuildJob, { workspaceId: actor.workspaceId, scanId: scan.scanId }, { tx });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "duplicates.rescan_started", entityType: "workspace", entityId: actor.workspaceId, changes: { total: scan.total } });
    return presentScan(scan)!;
  });
}

/**
 * Both records of a pair, visible to the actor, locked, in the order of `ids`.
 * A missing one is a 404, or a 409 when the id belongs to a record of another type.
 */
async function loadPair(db: Db, actor: Actor, entityType: DuplicateEntityType, ids: [string, string]): Promise<[MergeRecord, MergeRecord]> {
  // Compare and dismiss read through the same locking queries; their transactions are short.
  const lock = (type: DuplicateEntityType, list: string[]): Promise<MergeRecord[]> =>
    type === "client" ? lockVisibleClients(db, actor, list) : type === "contact" ? lockVisibleContacts(db, actor, list) : findVisibleLeadsForUpdate(db, actor, list);
  const rows = await lock(entityType, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  for (const id of missing) {
    for (const other of ["client", "contact", "lead"] as const) {
      if (other === entityType || (other === "lead" && actor.pipelineScope === "none")) continue;
      if ((await lock(other, [id])).length) {
        throw errors.conflict(`Only records of the same type can be merged: this is a ${other}, not a ${entityType}.`, { reason: "entity_type_mismatch" });
      }
    }
  }
  if (missing.length) throw errors.notFound(LABEL[entityType]);
  return [byId.get(ids[0])!, byId.get(ids[1])!];
}

/** The fields a merge of these two records can pick from (built-in, then custom). */
async function mergeFields(app: AppContext, actor: Actor, entityType: DuplicateEntityType, records: MergeRecord[]): Promise<MergeField<MergeRecord>[]> {
  const definitions = await loadDefinitions(app, actor.workspaceId, entityType);
  return [...builtInFields(entityType), ...customFields(definitions, records)];
}

/** Both records side by side with the counts of what would move. */
export async function compareDuplicates(app: AppContext, actor: Actor, q: CompareDuplicatesQuery): Promise<CompareDuplicatesDto> {
  assertCanRead(actor, q.entityType);
  const ids = q.ids as [string, string];
  return withTransaction(app.database.pool, async (tx) => {
    const pair = await loadPair(tx.db, actor, q.entityType, ids);
    const fields = await mergeFields(app, actor, q.entityType, pair);
    const ownerIds = pair.flatMap((r) => ("ownerId" in r && r.ownerId ? [r.ownerId] : []));
    const names = await userNames(tx.db, actor.workspaceId, ownerIds);
    const records = await Promise.all(
      pair.map(async (r) => ({ id: r.id, name: nameOf(r), createdAt: r.createdAt.toISOString(), related: await relatedCounts(tx.db, actor.workspaceId, q.entityType, r.id) })),
    );
    return {
      entityType: q.entityType,
      records,
      fields: fields.map((f) => ({ key: f.key, label: f.label, values: pair.map((r) => f.display(r, names)) })),
      abilities: { merge: mayMerge(actor, q.entityType) },
    };
  });
}

/** Marks a pair "not duplicates" so the list stops proposing it. */
export async function dismissDuplicate(app: AppContext, actor: Actor, body: DismissDuplicateBody): Promise<void> {
  assertCanRead(actor, body.entityType);
  await withTransaction(app.database.pool, async (tx) => {
    await loadPair(tx.db, actor, body.entityType, body.ids as [string, string]);
    if (!mayDismiss(actor, body.entityType)) throw errors.forbidden();
    await insertDismissal(tx.db, actor.workspaceId, body.entityType, body.ids as [string, string], actor.id);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: `${body.entityType}.duplicate_dismissed`, entityType: body.entityType, entityId: body.ids[0], changes: { ids: body.ids } });
  });
}

/** A record without its generated search columns (audit rows keep the fields people recognise). */
function auditable(r: MergeRecord): Record<string, unknown> {
  const { search: _search, searchText: _searchText, ...rest } = r as MergeRecord & { search?: unknown; searchText?: unknown };
  return rest;
}

/** The survivor's new values: every picked field from the record chosen for it; 400 on unknown fields. */
function pickedPatch(fields: MergeField<MergeRecord>[], picks: Record<string, "survivor" | "merged">, survivor: MergeRecord, merged: MergeRecord): Record<string, unknown> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const unknown = Object.keys(picks).filter((k) => !byKey.has(k));
  if (unknown.length) throw errors.validation(unknown.map((k) => ({ path: `body.fields.${k}`, message: "Not a field of this record type" })));
  const patch: Record<string, unknown> = {};
  const custom = { ...survivor.customFields };
  for (const [key, side] of Object.entries(picks)) {
    if (side !== "merged") continue;
    const taken = byKey.get(key)!.take(merged) as Record<string, unknown>;
    if (key.startsWith("customFields.")) {
      const name = key.slice("customFields.".length);
      if (merged.customFields[name] === undefined) delete custom[name];
      else custom[name] = merged.customFields[name];
    } else Object.assign(patch, taken);
  }
  if (JSON.stringify(custom) !== JSON.stringify(survivor.customFields)) patch.customFields = custom;
  return patch;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

function earliestConsent(a: LeadConsent | null, b: LeadConsent | null): LeadConsent | null {
  if (!a || !b) return a ?? b;
  return Date.parse(b.givenAt) < Date.parse(a.givenAt) ? b : a;
}

/** Type-specific moves and survivor values; returns what moved. */
async function moveRelations(db: Db, actor: Actor, entityType: DuplicateEntityType, survivor: MergeRecord, merged: MergeRecord, patch: Record<string, unknown>): Promise<RelatedCounts> {
  const ws = actor.workspaceId;
  if (entityType === "client") {
    const [s, m] = [survivor, merged] as [typeof clients.$inferSelect, typeof clients.$inferSelect];
    patch.tags = union(s.tags, m.tags);
    return moveClientRelations(db, ws, { id: m.id, name: nameOf(m) }, s.id);
  }
  if (entityType === "contact") {
    const [s, m] = [survivor, merged] as [typeof contacts.$inferSelect, typeof contacts.$inferSelect];
    let portalUsers = 0;
    if (s.userId && m.userId) {
      throw errors.conflict(`Both contacts have a portal login. Deactivate the login of the one you are merging away first.`, { reason: "both_have_portal_login" });
    }
    if (m.userId) {
      if (m.clientId !== s.clientId) {
        throw errors.conflict("The merged contact's portal login belongs to another client; merge contacts of the same client, or remove the login first.", { reason: "portal_login_other_client" });
      }
      await db.update(contacts).set({ userId: null }).where(eq(contacts.id, m.id));
      patch.userId = m.userId;
      portalUsers = 1;
    }
    if (m.isPrimary && !s.isPrimary && m.clientId === s.clientId) patch.isPrimary = true;
    return { ...(await moveContactRelations(db, ws, { id: m.id, name: nameOf(m) }, s.id)), portalUsers };
  }
  const [s, m] = [survivor, merged] as [typeof leads.$inferSelect, typeof leads.$inferSelect];
  patch.tags = union(s.tags, m.tags);
  const consent = earliestConsent(s.consent, m.consent);
  if (JSON.stringify(consent) !== JSON.stringify(s.consent)) patch.consent = consent;
  if (m.lastActivityAt > s.lastActivityAt) patch.lastActivityAt = m.lastActivityAt;
  return moveLeadRelations(db, ws, { id: m.id, name: nameOf(m) }, s.id);
}

/** Applies the survivor's new values and deletes the merged record. */
async function writeSurvivorAndDelete(db: Db, entityType: DuplicateEntityType, survivorId: string, mergedId: string, patch: Record<string, unknown>): Promise<void> {
  const table = { client: clients, contact: contacts, lead: leads }[entityType];
  await db.delete(table).where(eq(table.id, mergedId));
  // biome-ignore lint/suspicious/noExplicitAny: the patch was assembled from this type's own columns (duplicates.fields.ts)
  await db.update(table).set({ ...(patch as any), updatedAt: new Date() }).where(eq(table.id, survivorId));
}

/**
 * Merges one record into another in one transaction: both locked and visible (404), the picked
 * fields applied to the survivor, every related record moved, the merged record deleted, a
 * `merged` timeline entry and an audit row with both records' values before.
 */
export async function mergeDuplicates(app: AppContext, actor: Actor, input: MergeDuplicatesBody): Promise<MergeDuplicatesResponse["data"]> {
  const { entityType, survivorId, mergedId } = input;
  const picks = input.fields ?? {};
  if (survivorId === mergedId) throw errors.conflict("A record cannot be merged into itself.", { reason: "merge_into_itself" });
  assertCanRead(actor, entityType);
  const moved = await withTransaction(app.database.pool, async (tx) => {
    const [survivor, merged] = await loadPair(tx.db, actor, entityType, [survivorId, mergedId]);
    if (!mayMerge(actor, entityType)) throw errors.forbidden();
    const fields = await mergeFields(app, actor, entityType, [survivor, merged]);
    const patch = pickedPatch(fields, picks, survivor, merged);
    const counts = await moveRelations(tx.db, actor, entityType, survivor, merged, patch);
    await writeSurvivorAndDelete(tx.db, entityType, survivorId, mergedId, patch);
    // The merged record's pairs go now; the survivor's are re-scored by a job that commits with the merge.
    await deletePairsOf(tx.db, actor.workspaceId, entityType, [mergedId]);
    await enqueuePairRescore(app, tx.db, actor.workspaceId, entityType, [survivorId]);
    await recordTimeline(tx.db, actor, { type: entityType, id: survivorId }, "merged", { mergedName: nameOf(merged), mergedId });
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: `${entityType}.merged`,
      entityType,
      entityId: survivorId,
      changes: { survivor: auditable(survivor), merged: auditable(merged), fields: picks, moved: counts },
    });
    return counts;
  });
  return { entityType, survivorId, mergedId, moved };
}
